using System.Buffers;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.Modbus;

/// <summary>One RTU frame read by <see cref="ModbusRtuMessageReader"/> (a copy: RTU frames are at most 256 bytes).</summary>
public readonly struct ModbusRtuMessage
{
    private readonly byte[] _frame;

    internal ModbusRtuMessage(byte[] frame, int length, ModbusDirection direction)
    {
        _frame = frame;
        Length = length;
        Direction = direction;
    }

    /// <summary>The frame length (address, PDU, CRC).</summary>
    public int Length { get; }

    /// <summary>Request or response, as the frame was read.</summary>
    public ModbusDirection Direction { get; }

    /// <summary>The server address.</summary>
    public byte Address => _frame is null ? (byte)0 : _frame[0];

    /// <summary>The PDU bytes.</summary>
    public ReadOnlySpan<byte> Pdu => _frame is null ? default : _frame.AsSpan(1, Length - 3);

    /// <summary>The validated PDU view.</summary>
    /// <returns>The PDU.</returns>
    public ModbusPdu GetPdu()
    {
        ModbusPdu.TryRead(Pdu, Direction, out ModbusPdu pdu);
        return pdu;
    }
}

/// <summary>
/// Frames Modbus RTU over a byte stream for <see cref="ProtocolReader{TMessage}"/> (RTU over TCP, or a serial port read
/// as a stream): the frame length is derived from the function code and byte counts and confirmed by the CRC. Use
/// <see cref="ModbusLimits.MaxRtuFrameLength"/> as the maximum message size. The reader reuses one 256-byte frame
/// buffer: a message is valid until the next read.
/// </summary>
public sealed class ModbusRtuMessageReader : IMessageReader<ModbusRtuMessage>
{
    private readonly ModbusDirection _direction;
    private readonly byte[] _frame = new byte[ModbusLimits.MaxRtuFrameLength];

    /// <summary>Creates the reader.</summary>
    /// <param name="direction">The direction of the stream when known (a client reads responses, a server requests).</param>
    public ModbusRtuMessageReader(ModbusDirection direction) => _direction = direction;

    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out ModbusRtuMessage message, out ProtocolError protocolError)
    {
        message = default;
        ReadOnlySpan<byte> bytes = input.FirstSpan;
        int available = (int)Math.Min(input.Length, ModbusLimits.MaxRtuFrameLength);
        if (bytes.Length < available)
        {
            input.Slice(0, available).CopyTo(_frame);
            bytes = _frame.AsSpan(0, available);
        }

        OperationStatus status = ModbusRtuFrame.TryRead(bytes, _direction, out ModbusRtuFrame frame, out int length, out protocolError);
        if (status != OperationStatus.Done)
        {
            examined = input.End;
            return status;
        }

        ModbusDirection direction = frame.Pdu.Direction;
        if (!bytes.Overlaps(_frame))
        {
            bytes[..length].CopyTo(_frame);
        }

        message = new ModbusRtuMessage(_frame, length, direction);
        consumed = input.GetPosition(length);
        examined = consumed;
        return OperationStatus.Done;
    }
}

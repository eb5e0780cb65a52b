using System.Buffers;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// One Modbus/TCP ADU read by <see cref="ModbusTcpMessageReader"/>: the MBAP header and the PDU bytes, which stay in
/// the pipe's buffer (valid until <see cref="ProtocolReader{TMessage}.Advance"/>). The PDU is not validated at this
/// layer: a server answers an invalid PDU with an exception response rather than closing the connection.
/// </summary>
public readonly struct ModbusTcpMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="header">The MBAP header.</param>
    /// <param name="pdu">The PDU bytes.</param>
    public ModbusTcpMessage(ModbusMbapHeader header, ReadOnlySequence<byte> pdu)
    {
        Header = header;
        Pdu = pdu;
    }

    /// <summary>The MBAP header.</summary>
    public ModbusMbapHeader Header { get; }

    /// <summary>The PDU bytes (1..253).</summary>
    public ReadOnlySequence<byte> Pdu { get; }

    /// <summary>Reads and validates the PDU, copying it into <paramref name="scratch"/> only when it spans buffer segments.</summary>
    /// <param name="direction">Request, response or unknown.</param>
    /// <param name="scratch">At least 253 bytes.</param>
    /// <param name="pdu">The PDU view (into the pipe's buffer or into <paramref name="scratch"/>).</param>
    /// <param name="error">Why, when invalid.</param>
    /// <returns>True when the PDU is valid.</returns>
    public bool TryReadPdu(ModbusDirection direction, Span<byte> scratch, out ModbusPdu pdu, out ProtocolError error)
    {
        if (Pdu.IsSingleSegment)
        {
            return ModbusPdu.TryRead(Pdu.FirstSpan, direction, out pdu, out error);
        }

        if (scratch.Length < Pdu.Length)
        {
            throw new ArgumentException("The scratch buffer must hold the PDU (253 bytes).", nameof(scratch));
        }

        Pdu.CopyTo(scratch);
        return ModbusPdu.TryRead(scratch[..(int)Pdu.Length], direction, out pdu, out error);
    }
}

/// <summary>
/// Frames Modbus/TCP ADUs for <see cref="ProtocolReader{TMessage}"/>: validates the MBAP header (protocol id 0, length
/// 2..254) and delimits the ADU. Use <see cref="ModbusLimits.MaxTcpAduLength"/> as the maximum message size.
/// </summary>
public sealed class ModbusTcpMessageReader : IMessageReader<ModbusTcpMessage>
{
    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out ModbusTcpMessage message, out ProtocolError protocolError)
    {
        message = default;
        scoped ReadOnlySpan<byte> headerBytes = input.FirstSpan;
        Span<byte> copy = stackalloc byte[ModbusLimits.MbapHeaderLength];
        if (headerBytes.Length < ModbusLimits.MbapHeaderLength && !input.IsSingleSegment)
        {
            int available = (int)Math.Min(input.Length, ModbusLimits.MbapHeaderLength);
            input.Slice(0, available).CopyTo(copy);
            headerBytes = copy[..available];
        }

        OperationStatus status = ModbusMbapHeader.TryRead(headerBytes, out ModbusMbapHeader header, out protocolError);
        if (status == OperationStatus.Done && input.Length < header.AduLength)
        {
            status = OperationStatus.NeedMoreData;
        }

        if (status != OperationStatus.Done)
        {
            examined = input.End;
            return status;
        }

        message = new ModbusTcpMessage(header, input.Slice(ModbusLimits.MbapHeaderLength, header.PduLength));
        consumed = input.GetPosition(header.AduLength);
        examined = consumed;
        return OperationStatus.Done;
    }
}

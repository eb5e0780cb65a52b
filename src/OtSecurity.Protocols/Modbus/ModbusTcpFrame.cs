using System.Buffers;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// A Modbus/TCP ADU (MBAP header and PDU; MODBUS Messaging on TCP/IP Implementation Guide V1.0b §3.1.3) read from a
/// byte stream: a view over the input, nothing copied.
/// </summary>
public readonly ref struct ModbusTcpFrame
{
    private ModbusTcpFrame(ModbusMbapHeader header, ModbusPdu pdu)
    {
        Header = header;
        Pdu = pdu;
    }

    /// <summary>The MBAP header.</summary>
    public ModbusMbapHeader Header { get; }

    /// <summary>The validated PDU.</summary>
    public ModbusPdu Pdu { get; }

    /// <summary>The transaction id.</summary>
    public ushort TransactionId => Header.TransactionId;

    /// <summary>The unit id.</summary>
    public byte UnitId => Header.UnitId;

    /// <summary>Reads one ADU, inferring request or response from the PDU's structure.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The ADU length, on Done; 0 otherwise.</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid ADU) or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out ModbusTcpFrame frame, out int bytesConsumed) =>
        TryRead(source, ModbusDirection.Unknown, out frame, out bytesConsumed, out _);

    /// <summary>Reads one ADU and validates its PDU.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="direction">Request, response, or unknown (inferred from the PDU's structure).</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The ADU length, on Done; 0 otherwise.</param>
    /// <param name="error">Why, on InvalidData (offsets count from the start of the ADU).</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid ADU) or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, ModbusDirection direction, out ModbusTcpFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        OperationStatus status = ModbusMbapHeader.TryRead(source, out ModbusMbapHeader header, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        // The length field was bounded to 2..254 by the header reader, so the slice below stays within 260 bytes.
        if (source.Length < header.AduLength)
        {
            return OperationStatus.NeedMoreData;
        }

        if (!ModbusPdu.TryRead(source.Slice(ModbusLimits.MbapHeaderLength, header.PduLength), direction, out ModbusPdu pdu, out ProtocolError pduError))
        {
            error = pduError with { Offset = pduError.Offset + ModbusLimits.MbapHeaderLength };
            return OperationStatus.InvalidData;
        }

        frame = new ModbusTcpFrame(header, pdu);
        bytesConsumed = header.AduLength;
        return OperationStatus.Done;
    }

    /// <summary>The ADU length for a PDU of <paramref name="pduLength"/> bytes: 7 + PDU.</summary>
    /// <param name="pduLength">1..253.</param>
    /// <returns>The ADU length.</returns>
    public static int GetEncodedLength(int pduLength) => ModbusLimits.MbapHeaderLength + pduLength;

    /// <summary>Writes an ADU: MBAP header, then <paramref name="pdu"/> (written with <see cref="ModbusPduWriter"/>).</summary>
    /// <param name="transactionId">Transaction id.</param>
    /// <param name="unitId">Unit id.</param>
    /// <param name="pdu">The PDU bytes, 1..253.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall (nothing written).</returns>
    public static OperationStatus TryWrite(ushort transactionId, byte unitId, ReadOnlySpan<byte> pdu, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (pdu.IsEmpty || pdu.Length > ModbusLimits.MaxPduLength)
        {
            throw new ArgumentException("A Modbus PDU is 1..253 bytes.", nameof(pdu));
        }

        int length = GetEncodedLength(pdu.Length);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        ModbusMbapHeader.TryWrite(destination, transactionId, unitId, pdu.Length);
        pdu.CopyTo(destination[ModbusLimits.MbapHeaderLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}

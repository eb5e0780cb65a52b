using System.Buffers.Binary;
using System.Runtime.CompilerServices;
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
        TryReadCore(source, ModbusDirection.Unknown, out frame, out bytesConsumed, out _, out _);

    /// <summary>Reads one ADU and validates its PDU.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="direction">Request, response, or unknown (inferred from the PDU's structure).</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The ADU length, on Done; 0 otherwise.</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid ADU) or InvalidData (nothing consumed).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, ModbusDirection direction, out ModbusTcpFrame frame, out int bytesConsumed) =>
        TryReadCore(source, direction, out frame, out bytesConsumed, out _, out _);

    /// <summary>Reads one ADU and validates its PDU, reporting why it is invalid.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="direction">Request, response, or unknown (inferred from the PDU's structure).</param>
    /// <param name="frame">The frame, on Done.</param>
    /// <param name="bytesConsumed">The ADU length, on Done; 0 otherwise.</param>
    /// <param name="error">Why, on InvalidData (offsets count from the start of the ADU).</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a valid ADU) or InvalidData (nothing consumed).</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, ModbusDirection direction, out ModbusTcpFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        OperationStatus status = TryReadCore(source, direction, out frame, out bytesConsumed, out ModbusError code, out int offset);
        error = status == OperationStatus.InvalidData ? ModbusErrors.Create(code, offset) : default;
        return status;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static OperationStatus TryReadCore(ReadOnlySpan<byte> source, ModbusDirection direction, out ModbusTcpFrame frame, out int bytesConsumed, out ModbusError code, out int offset)
    {
        if (source.Length >= ModbusLimits.MbapHeaderLength)
        {
            // Implementation Guide §3.1.3: protocol identifier 0, length = unit id + PDU, 2..254 (Application Protocol
            // §4.1 bounds the PDU to 253 bytes), so the slice below stays within 260 bytes.
            int length = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(4, 2));
            int aduLength = 6 + length;
            if (BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2, 2)) == ModbusMbapHeader.ProtocolIdentifier
                && (uint)(length - ModbusLimits.MinMbapLength) <= ModbusLimits.MaxMbapLength - ModbusLimits.MinMbapLength
                && source.Length >= aduLength)
            {
                if (ModbusPdu.TryReadCore(source.Slice(ModbusLimits.MbapHeaderLength, length - 1), direction, out ModbusPdu pdu, out code, out offset))
                {
                    frame = new ModbusTcpFrame(new ModbusMbapHeader(BinaryPrimitives.ReadUInt16BigEndian(source), (ushort)length, source[6]), pdu);
                    bytesConsumed = aduLength;
                    return OperationStatus.Done;
                }

                offset += ModbusLimits.MbapHeaderLength;
                frame = default;
                bytesConsumed = 0;
                return OperationStatus.InvalidData;
            }
        }

        frame = default;
        bytesConsumed = 0;

        // A prefix, or a bad header: the header reader says which (a valid header means the ADU is still arriving).
        OperationStatus status = ModbusMbapHeader.TryReadCore(source, out _, out code, out offset);
        return status == OperationStatus.Done ? OperationStatus.NeedMoreData : status;
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

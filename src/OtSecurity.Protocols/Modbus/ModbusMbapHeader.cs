using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// The MODBUS Application Protocol header of Modbus/TCP (MODBUS Messaging on TCP/IP Implementation Guide V1.0b §3.1.3):
/// transaction id, protocol id (0), length (unit id plus PDU) and unit id.
/// </summary>
/// <param name="TransactionId">Pairs a response with its request.</param>
/// <param name="Length">Bytes that follow the length field: unit id plus PDU, 2..254.</param>
/// <param name="UnitId">Identifies a server behind a gateway (0xFF or 0 when not used).</param>
public readonly record struct ModbusMbapHeader(ushort TransactionId, ushort Length, byte UnitId)
{
    /// <summary>The protocol identifier, always 0 for Modbus.</summary>
    public const ushort ProtocolIdentifier = 0;

    /// <summary>Length of the whole ADU: 6 header bytes before the unit id, plus <see cref="Length"/>.</summary>
    public int AduLength => 6 + Length;

    /// <summary>Length of the PDU: <see cref="Length"/> minus the unit id.</summary>
    public int PduLength => Length - 1;

    /// <summary>
    /// Reads and validates the 7-byte MBAP header at the start of <paramref name="source"/> (the PDU need not be there yet).
    /// </summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="header">The header, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns>
    /// Done (7 valid header bytes; nothing is consumed by this method), NeedMoreData (a valid prefix of a header) or
    /// InvalidData (a protocol id other than 0, or a length outside 2..254, as soon as the bytes show it).
    /// </returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out ModbusMbapHeader header, out ProtocolError error)
    {
        OperationStatus status = TryReadCore(source, out header, out ModbusError code, out int offset);
        error = status == OperationStatus.InvalidData ? ModbusErrors.Create(code, offset) : default;
        return status;
    }

    internal static OperationStatus TryReadCore(ReadOnlySpan<byte> source, out ModbusMbapHeader header, out ModbusError code, out int offset)
    {
        header = default;
        code = ModbusError.None;
        offset = 0;
        if (source.Length >= ModbusLimits.MbapHeaderLength)
        {
            // Implementation Guide §3.1.3: protocol identifier 0; the length counts the unit id and the PDU, which
            // Application Protocol §4.1 bounds to 1..253 bytes.
            ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(source[4..]);
            if (protocol != ProtocolIdentifier)
            {
                code = ModbusError.InvalidProtocolIdentifier;
                offset = 2;
                return OperationStatus.InvalidData;
            }

            if ((uint)(length - ModbusLimits.MinMbapLength) > ModbusLimits.MaxMbapLength - ModbusLimits.MinMbapLength)
            {
                code = ModbusError.InvalidMbapLength;
                offset = 4;
                return OperationStatus.InvalidData;
            }

            header = new ModbusMbapHeader(BinaryPrimitives.ReadUInt16BigEndian(source), (ushort)length, source[6]);
            return OperationStatus.Done;
        }

        // A prefix: reject as soon as the bytes show a protocol id other than 0 or a length above 254.
        if ((source.Length >= 3 && source[2] != 0) || (source.Length >= 4 && source[3] != 0))
        {
            code = ModbusError.InvalidProtocolIdentifier;
            offset = 2;
            return OperationStatus.InvalidData;
        }

        if ((source.Length == 5 && source[4] > (ModbusLimits.MaxMbapLength >> 8))
            || (source.Length == 6 && BinaryPrimitives.ReadUInt16BigEndian(source[4..]) is < ModbusLimits.MinMbapLength or > ModbusLimits.MaxMbapLength))
        {
            code = ModbusError.InvalidMbapLength;
            offset = 4;
            return OperationStatus.InvalidData;
        }

        return OperationStatus.NeedMoreData;
    }

    /// <summary>Writes an MBAP header for a PDU of <paramref name="pduLength"/> bytes.</summary>
    /// <param name="destination">At least 7 bytes.</param>
    /// <param name="transactionId">Transaction id.</param>
    /// <param name="unitId">Unit id.</param>
    /// <param name="pduLength">1..253.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(Span<byte> destination, ushort transactionId, byte unitId, int pduLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pduLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pduLength, ModbusLimits.MaxPduLength);
        if (destination.Length < ModbusLimits.MbapHeaderLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ProtocolIdentifier);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)(pduLength + 1));
        destination[6] = unitId;
        return OperationStatus.Done;
    }
}

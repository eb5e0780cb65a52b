using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

/// <summary>What the start of a PDU says about its length.</summary>
internal enum PduLengthStatus
{
    /// <summary>The length follows from the function code and the byte counts.</summary>
    Known,

    /// <summary>More bytes are needed to know the length.</summary>
    NeedMoreData,

    /// <summary>The header fields cannot start a valid PDU.</summary>
    Invalid,

    /// <summary>The layout does not carry its length (user-defined and unknown codes, Return Query Data, CANopen): only the CRC can delimit it.</summary>
    Unbounded,
}

/// <summary>
/// Derives the length of a PDU from its function code and byte counts, as a passive reader of a serial line (or of
/// RTU over TCP) must: RTU frames are delimited by silence on the line, which a capture does not keep.
/// </summary>
internal static class ModbusPduLength
{
    public static PduLengthStatus Get(ReadOnlySpan<byte> p, bool request, out int length, out ModbusError error)
    {
        length = 0;
        error = ModbusError.None;
        if (p.IsEmpty)
        {
            return PduLengthStatus.NeedMoreData;
        }

        byte function = p[0];
        PduLengthStatus status = request ? GetRequest(p, function, out length, out error) : GetResponse(p, function, out length, out error);
        if (status == PduLengthStatus.Known && length > ModbusLimits.MaxPduLength)
        {
            length = 0;
            error = ModbusError.PduTooLong;
            return PduLengthStatus.Invalid;
        }

        return status;
    }

    private static PduLengthStatus GetRequest(ReadOnlySpan<byte> p, byte function, out int length, out ModbusError error)
    {
        error = ModbusError.None;
        length = 0;
        switch (function)
        {
            case >= 0x01 and <= 0x06:
                return Known(5, out length);
            case 0x07 or 0x0B or 0x0C or 0x11:
                return Known(1, out length);
            case 0x08:
                return Diagnostics(p, out length);
            case 0x0F or 0x10:
                return ByteCountAt(p, 5, 6, out length);
            case 0x14 or 0x15:
                return ByteCountAt(p, 1, 2, out length);
            case 0x16:
                return Known(7, out length);
            case 0x17:
                return ByteCountAt(p, 9, 10, out length);
            case 0x18:
                return Known(3, out length);
            case 0x2B:
                if (p.Length < 2)
                {
                    return PduLengthStatus.NeedMoreData;
                }

                return p[1] == (byte)ModbusMeiType.ReadDeviceIdentification ? Known(4, out length) : PduLengthStatus.Unbounded;
            case >= 0x80:
                error = ModbusError.ExceptionBitInRequest;
                return PduLengthStatus.Invalid;
            default:
                return PduLengthStatus.Unbounded;
        }
    }

    private static PduLengthStatus GetResponse(ReadOnlySpan<byte> p, byte function, out int length, out ModbusError error)
    {
        error = ModbusError.None;
        length = 0;
        switch (function)
        {
            case >= 0x80:
                return Known(2, out length);
            case 0x01 or 0x02 or 0x03 or 0x04 or 0x0C or 0x11 or 0x14 or 0x15 or 0x17:
                return ByteCountAt(p, 1, 2, out length);
            case 0x05 or 0x06 or 0x0B or 0x0F or 0x10:
                return Known(5, out length);
            case 0x07:
                return Known(2, out length);
            case 0x08:
                return Diagnostics(p, out length);
            case 0x16:
                return Known(7, out length);
            case 0x18:
                if (p.Length < 3)
                {
                    return PduLengthStatus.NeedMoreData;
                }

                // §6.18: a two-byte byte count follows the function code.
                length = 3 + BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
                return PduLengthStatus.Known;
            case 0x2B:
                if (p.Length < 2)
                {
                    return PduLengthStatus.NeedMoreData;
                }

                return p[1] == (byte)ModbusMeiType.ReadDeviceIdentification ? DeviceIdentification(p, out length, out error) : PduLengthStatus.Unbounded;
            default:
                return PduLengthStatus.Unbounded;
        }
    }

    private static PduLengthStatus Known(int value, out int length)
    {
        length = value;
        return PduLengthStatus.Known;
    }

    private static PduLengthStatus ByteCountAt(ReadOnlySpan<byte> p, int at, int fixedPart, out int length)
    {
        length = 0;
        if (p.Length <= at)
        {
            return PduLengthStatus.NeedMoreData;
        }

        length = fixedPart + p[at];
        return PduLengthStatus.Known;
    }

    /// <summary>§6.8.1: every defined sub-function but Return Query Data carries exactly one data word.</summary>
    private static PduLengthStatus Diagnostics(ReadOnlySpan<byte> p, out int length)
    {
        length = 0;
        if (p.Length < 3)
        {
            return PduLengthStatus.NeedMoreData;
        }

        ushort subFunction = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        return subFunction != 0 && ModbusPduValidator.IsDefinedSubFunction(subFunction) ? Known(5, out length) : PduLengthStatus.Unbounded;
    }

    /// <summary>§6.21: the header's number of objects, then (id, length, value) entries.</summary>
    private static PduLengthStatus DeviceIdentification(ReadOnlySpan<byte> p, out int length, out ModbusError error)
    {
        length = 0;
        error = ModbusError.None;
        if (p.Length < ModbusPduValidator.DeviceIdResponseHeaderLength)
        {
            return PduLengthStatus.NeedMoreData;
        }

        int count = p[6];
        int at = ModbusPduValidator.DeviceIdResponseHeaderLength;
        for (int i = 0; i < count; i++)
        {
            if (at + 2 > p.Length)
            {
                return at + 2 > ModbusLimits.MaxPduLength ? InvalidObjects(out error) : PduLengthStatus.NeedMoreData;
            }

            at += 2 + p[at + 1];
            if (at > ModbusLimits.MaxPduLength)
            {
                return InvalidObjects(out error);
            }
        }

        length = at;
        return PduLengthStatus.Known;
    }

    private static PduLengthStatus InvalidObjects(out ModbusError error)
    {
        error = ModbusError.InvalidObjectList;
        return PduLengthStatus.Invalid;
    }
}

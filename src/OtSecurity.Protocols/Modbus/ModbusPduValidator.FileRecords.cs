using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

internal static partial class ModbusPduValidator
{
    /// <summary>Size of a Read File Record sub-request: reference type, file number, record number, record length (§6.14).</summary>
    public const int FileSubRequestLength = 7;

    /// <summary>
    /// §6.14: function, byte count 0x07..0xF5 (a multiple of 7), sub-requests of reference type 6, file number ≥ 1,
    /// record number ≤ 0x270F, record length ≥ 1; the registers asked for must fit a 253-byte response.
    /// </summary>
    private static ModbusError ValidateReadFileRecordRequest(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < 2)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int byteCount = p[1];
        offset = 1;
        if (byteCount < FileSubRequestLength || byteCount > 0xF5 || byteCount % FileSubRequestLength != 0)
        {
            return ModbusError.InvalidByteCount;
        }

        if (ExpectLength(p, 2 + byteCount, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        // The response: function, data length, then per sub-request a length byte, the reference type and 2 × N bytes.
        int responseLength = 2;
        for (int at = 2; at < p.Length; at += FileSubRequestLength)
        {
            ModbusError error = ValidateFileReference(p, at, out offset);
            if (error != ModbusError.None)
            {
                return error;
            }

            int recordLength = BinaryPrimitives.ReadUInt16BigEndian(p[(at + 5)..]);
            offset = at + 5;
            if (recordLength == 0)
            {
                return ModbusError.InvalidRecordLength;
            }

            responseLength += 2 + (2 * recordLength);
            if (responseLength > ModbusLimits.MaxPduLength)
            {
                return ModbusError.FileRecordResponseTooLong;
            }
        }

        offset = 0;
        return ModbusError.None;
    }

    /// <summary>
    /// §6.14 response: function, response data length, sub-responses of (file response length = 1 + 2 × N,
    /// reference type 6, N registers) that exactly fill the data length.
    /// </summary>
    private static ModbusError ValidateReadFileRecordResponse(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < 2)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int dataLength = p[1];
        offset = 1;
        if (dataLength == 0 || dataLength > 0xF5)
        {
            return ModbusError.InvalidByteCount;
        }

        if (ExpectLength(p, 2 + dataLength, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        int at = 2;
        while (at < p.Length)
        {
            int subLength = p[at];
            offset = at;
            // The sub-response length counts the reference type byte and the register bytes: odd, at least 3.
            if (subLength < 3 || (subLength & 1) == 0 || at + 1 + subLength > p.Length)
            {
                return ModbusError.InvalidFileResponseLength;
            }

            offset = at + 1;
            if (p[at + 1] != ModbusLimits.FileReferenceType)
            {
                return ModbusError.InvalidFileReferenceType;
            }

            at += 1 + subLength;
        }

        offset = 0;
        return ModbusError.None;
    }

    /// <summary>
    /// §6.15 (request and its echo): function, request data length 0x09..0xFB, sub-requests of reference type 6,
    /// file number ≥ 1, record number ≤ 0x270F, record length N ≥ 1 and 2 × N data bytes, exactly filling the length.
    /// </summary>
    private static ModbusError ValidateWriteFileRecord(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < 2)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int dataLength = p[1];
        offset = 1;
        if (dataLength < 9 || dataLength > 0xFB)
        {
            return ModbusError.InvalidByteCount;
        }

        if (ExpectLength(p, 2 + dataLength, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        int at = 2;
        while (at < p.Length)
        {
            if (at + FileSubRequestLength > p.Length)
            {
                offset = at;
                return ModbusError.InvalidRecordLength;
            }

            ModbusError error = ValidateFileReference(p, at, out offset);
            if (error != ModbusError.None)
            {
                return error;
            }

            int recordLength = BinaryPrimitives.ReadUInt16BigEndian(p[(at + 5)..]);
            offset = at + 5;
            if (recordLength == 0 || at + FileSubRequestLength + (2 * recordLength) > p.Length)
            {
                return ModbusError.InvalidRecordLength;
            }

            at += FileSubRequestLength + (2 * recordLength);
        }

        offset = 0;
        return ModbusError.None;
    }

    /// <summary>Reference type 6, file number 1..0xFFFF, record number 0..0x270F (§6.14, §6.15).</summary>
    private static ModbusError ValidateFileReference(ReadOnlySpan<byte> p, int at, out int offset)
    {
        offset = at;
        if (p[at] != ModbusLimits.FileReferenceType)
        {
            return ModbusError.InvalidFileReferenceType;
        }

        offset = at + 1;
        if (BinaryPrimitives.ReadUInt16BigEndian(p[(at + 1)..]) == 0)
        {
            return ModbusError.InvalidFileNumber;
        }

        offset = at + 3;
        return BinaryPrimitives.ReadUInt16BigEndian(p[(at + 3)..]) > ModbusLimits.MaxRecordNumber
            ? ModbusError.InvalidRecordNumber
            : ModbusError.None;
    }
}

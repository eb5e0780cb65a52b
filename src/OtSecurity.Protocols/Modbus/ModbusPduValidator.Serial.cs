using System.Buffers.Binary;

namespace OtSecurity.Protocols.Modbus;

internal static partial class ModbusPduValidator
{
    /// <summary>True when the diagnostics sub-function is one the specification defines (§6.8.1).</summary>
    public static bool IsDefinedSubFunction(ushort subFunction) => subFunction is <= 4 or (>= 10 and <= 18) or 20;

    /// <summary>
    /// §6.8: function, sub-function (2 bytes), data (N × 2 bytes). §6.8.1 fixes the data of each defined sub-function:
    /// Return Query Data carries any whole number of words; the others one word, which in a request is 0x0000
    /// (Restart Communications: 0x0000 or 0xFF00; Change ASCII Input Delimiter: the character then 0x00).
    /// Reserved sub-functions are accepted with any whole number of words.
    /// </summary>
    private static ModbusError ValidateDiagnostics(ReadOnlySpan<byte> p, bool request, out int offset)
    {
        if (p.Length < 3)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        ushort subFunction = BinaryPrimitives.ReadUInt16BigEndian(p[1..]);
        int dataLength = p.Length - 3;
        offset = 3;
        if ((dataLength & 1) != 0)
        {
            return ModbusError.InvalidDiagnosticDataLength;
        }

        if (subFunction == (ushort)ModbusDiagnosticSubFunction.ReturnQueryData || !IsDefinedSubFunction(subFunction))
        {
            return ModbusError.None;
        }

        if (dataLength != 2)
        {
            return ModbusError.InvalidDiagnosticDataLength;
        }

        ushort data = BinaryPrimitives.ReadUInt16BigEndian(p[3..]);
        switch ((ModbusDiagnosticSubFunction)subFunction)
        {
            case ModbusDiagnosticSubFunction.RestartCommunicationsOption:
                // §6.8.1 sub-function 01: 0x0000 keeps the event log, 0xFF00 clears it; the response echoes it.
                return data is 0x0000 or 0xFF00 ? ModbusError.None : ModbusError.InvalidDiagnosticData;
            case ModbusDiagnosticSubFunction.ChangeAsciiInputDelimiter:
                // §6.8.1 sub-function 03: "CHR 00": the new delimiter then a zero byte; echoed.
                return p[4] == 0 ? ModbusError.None : ModbusError.InvalidDiagnosticData;
            case ModbusDiagnosticSubFunction.ClearCountersAndDiagnosticRegister:
            case ModbusDiagnosticSubFunction.ClearOverrunCounterAndFlag:
                // §6.8.1 sub-functions 0A and 14: data 0x0000, echoed.
                return data == 0 ? ModbusError.None : ModbusError.InvalidDiagnosticData;
            default:
                // Sub-functions 02, 04 and 0B..12: the request data is 0x0000; the response carries a register or counter.
                return !request || data == 0 ? ModbusError.None : ModbusError.InvalidDiagnosticData;
        }
    }

    /// <summary>§6.9: function, status (0x0000 or 0xFFFF), event count.</summary>
    private static ModbusError ValidateCommEventCounterResponse(ReadOnlySpan<byte> p, out int offset)
    {
        if (ExpectLength(p, 5, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        offset = 1;
        return IsStatusWord(BinaryPrimitives.ReadUInt16BigEndian(p[1..])) ? ModbusError.None : ModbusError.InvalidStatusWord;
    }

    /// <summary>§6.10: function, byte count 6 + N (N ≤ 64 event bytes), status, event count, message count, events.</summary>
    private static ModbusError ValidateCommEventLogResponse(ReadOnlySpan<byte> p, out int offset)
    {
        if (p.Length < 2)
        {
            offset = p.Length;
            return ModbusError.UnexpectedPduLength;
        }

        int byteCount = p[1];
        offset = 1;
        if (byteCount < 6 || byteCount > 6 + ModbusLimits.MaxCommEvents)
        {
            return ModbusError.InvalidByteCount;
        }

        if (ExpectLength(p, 2 + byteCount, out offset) != ModbusError.None)
        {
            return ModbusError.UnexpectedPduLength;
        }

        offset = 2;
        return IsStatusWord(BinaryPrimitives.ReadUInt16BigEndian(p[2..])) ? ModbusError.None : ModbusError.InvalidStatusWord;
    }

    private static bool IsStatusWord(ushort status) => status is 0x0000 or 0xFFFF;
}

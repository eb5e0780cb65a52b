namespace OtSecurity.Protocols.Modbus;

/// <summary>The serial-line checks: CRC-16/MODBUS for RTU and LRC for ASCII (MODBUS over Serial Line V1.02 §6.2).</summary>
public static class ModbusChecksums
{
    private static readonly ushort[] CrcTable = BuildCrcTable();

    /// <summary>
    /// CRC-16/MODBUS (polynomial 0xA001 reflected, initial value 0xFFFF; Serial Line §6.2.2). It is sent low byte first.
    /// </summary>
    /// <param name="data">Address and PDU.</param>
    /// <returns>The CRC.</returns>
    public static ushort ComputeCrc(ReadOnlySpan<byte> data) => ComputeCrcContinue(0xFFFF, data);

    /// <summary>Continues a CRC-16/MODBUS computation over more bytes.</summary>
    internal static ushort ComputeCrcContinue(ushort crc, ReadOnlySpan<byte> data)
    {
        ushort[] table = CrcTable;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>LRC (Serial Line §6.2.1): the two's complement of the 8-bit sum of address and PDU bytes.</summary>
    /// <param name="data">Address and PDU (binary, before hexadecimal encoding).</param>
    /// <returns>The LRC byte.</returns>
    public static byte ComputeLrc(ReadOnlySpan<byte> data)
    {
        byte sum = 0;
        foreach (byte b in data)
        {
            sum += b;
        }

        return (byte)-sum;
    }

    private static ushort[] BuildCrcTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort value = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (ushort)((value >> 1) ^ 0xA001) : (ushort)(value >> 1);
            }

            table[i] = value;
        }

        return table;
    }
}

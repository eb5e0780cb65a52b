namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// The DNP3 CRC-16 (IEEE 1815-2012 §9.2.4.1.6 and Annex E): generator polynomial 0x3D65 processed
/// LSB first (reflected 0xA6BC), initial value 0, result inverted and sent low octet first.
/// The check value of the ASCII string "123456789" is 0xEA82.
/// </summary>
public static class Dnp3Crc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Computes the CRC of <paramref name="data"/>.</summary>
    /// <param name="data">The octets covered by the CRC.</param>
    /// <returns>The CRC as it is sent (low octet first on the wire).</returns>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        ushort[] table = Table;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        }

        return (ushort)~crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort crc = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA6BC) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}

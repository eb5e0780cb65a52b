using System.Text;

namespace OtSecurity.Capture.Tests.Dissectors;

/// <summary>Ordinary traffic that no OT probe may claim.</summary>
internal static class ProbeSamples
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static TheoryData<string, byte[]> Udp => new()
    {
        // DNS query for example.com, type A.
        { "dns", Hex("abcd 0100 0001 0000 0000 0000 076578616d706c6503636f6d00 0001 0001") },

        // DNS response with one answer.
        { "dns-response", Hex("abcd 8180 0001 0001 0000 0000 076578616d706c6503636f6d00 0001 0001 c00c 0001 0001 00000e10 0004 5db8d822") },

        // NTP v4 client request (48 octets).
        { "ntp", Hex("e3 00 06 ec 00000000 00000000 00000000 0000000000000000 0000000000000000 0000000000000000 e9a1b2c3d4e5f607") },

        // SSDP M-SEARCH.
        { "ssdp", Encoding.ASCII.GetBytes("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n") },

        // mDNS query for _services._dns-sd._udp.local, PTR.
        { "mdns", Hex("0000 0000 0001 0000 0000 0000 095f7365727669636573075f646e732d7364045f756470056c6f63616c00 000c 0001") },

        // NetBIOS name query.
        { "nbns", Hex("8a2b 0110 0001 0000 0000 0000 20 4648464145424545434f4341434143414341434143414341434143414341434141 00 0020 0001") },

        // DHCP discover (start of the BOOTP header).
        { "dhcp", Hex("01010600 3903f326 0000 0000 00000000 00000000 00000000 00000000 000c29c0ffee 00000000000000000000") },

        // Syslog.
        { "syslog", Encoding.ASCII.GetBytes("<34>Oct 11 22:14:15 host su: 'su root' failed") },
    };

    public static TheoryData<string, byte[]> Tcp => new()
    {
        { "http", Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: plant.example\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n\r\n") },
        { "http-response", Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok") },

        // TLS 1.2 ClientHello record start.
        { "tls", Hex("16 0301 00a5 01 0000a1 0303 5b2f3c1d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 00 0020 c02bc02fc02cc030cca9cca8c013c014009c009d002f0035000a0100") },
        { "ssh", Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1\r\n") },

        // SMB2 negotiate over NetBIOS session service.
        { "smb", Hex("000000b4 fe534d42 4000 0000 00000000 0000 1f00 00000000 00000000 0000000000000000 00000000 00000000 0000000000000000 00000000000000000000000000000000") },
        { "rdp", Hex("0300 0013 0ee0 0000 0000 00 010008 00030000") },
    };

    /// <summary>Deterministic random payloads (fixed seed).</summary>
    public static IEnumerable<byte[]> Random(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            byte[] payload = new byte[random.Next(0, 600)];
            random.NextBytes(payload);
            yield return payload;
        }
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Modbus;

namespace OtSecurity.Capture.Tests.Dissectors.Modbus;

/// <summary>The content probe claims Modbus on any port and nothing else.</summary>
public class ModbusProbeTests
{
    private static readonly ModbusDissector Dissector = new();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    [Theory]
    [InlineData("00 01 00 00 00 06 11 03 00 6B 00 03")]                         // FC3 request
    [InlineData("00 01 00 00 00 09 11 03 06 02 2B 00 00 00 64")]                // FC3 response
    [InlineData("00 01 00 00 00 03 11 83 02")]                                  // exception response
    [InlineData("00 0F 00 00 00 02 02 11")]                                     // FC17 request (a one-byte PDU)
    [InlineData("00 01 00 00 00 06 FF 04 08 D2 00 02 00 02 00 00 00 06 FF 02 00 63 00 1E")] // two pipelined requests
    [InlineData("00 01 00 00 00 06 FF 04 08 D2 00 02 00 02 00 00")]             // one ADU, the start of another
    public void Probe_ModbusAdus_ReturnsYes(string hex)
    {
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex(hex), TransportKind.Tcp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("00 01 00 00 00")]
    [InlineData("00 01 00 00 00 06 11")]
    [InlineData("00 01 00 00 00 06 11 03 00 6B")]
    public void Probe_PrefixOfAnAdu_ReturnsNeedMoreData(string hex)
    {
        Assert.Equal(ContentMatch.NeedMoreData, Dissector.Probe(Hex(hex), TransportKind.Tcp));
    }

    [Theory]
    [InlineData("00 01 00 00 00 06 11 03 00 00 00 00")]                         // FC3 quantity 0
    [InlineData("00 01 00 00 00 06 11 41 00 00 00 01")]                         // user-defined code: not claimed by content
    [InlineData("00 01 00 00 00 03 11 83 0C")]                                  // exception with an undefined code
    [InlineData("00 01 00 00 00 06 11 03 00 6B 00 03 00 02 00 01")]             // a valid ADU followed by a bad header
    public void Probe_ImplausibleModbus_ReturnsNo(string hex)
    {
        Assert.Equal(ContentMatch.No, Dissector.Probe(Hex(hex), TransportKind.Tcp));
    }

    public static TheoryData<string, byte[]> OtherProtocols() => new()
    {
        { "HTTP request", Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: plc.example\r\n\r\n") },
        { "HTTP response", Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") },
        { "TLS ClientHello", Hex("16 03 01 00 A5 01 00 00 A1 03 03 5B 90 9D 9B 72 0B BC 0C BC 2B 92 A8 48 97 CF BD 39 04 CC 16 0A 85 03 90 9F 77 04 33 D4 DE 00 00 20 CC A8") },
        { "TLS ServerHello", Hex("16 03 03 00 5D 02 00 00 59 03 03 00 00 00 00 00 00 00 00") },
        { "SSH banner", Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n") },
        { "SMB1 negotiate over NetBIOS", Hex("00 00 00 54 FF 53 4D 42 72 00 00 00 00 18 53 C8 00 00 00 00 00 00 00 00 00 00 00 00") },
        { "SMB2 negotiate over NetBIOS", Hex("00 00 00 B0 FE 53 4D 42 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00") },
        { "DNS query over TCP", Hex("00 1C 12 34 01 00 00 01 00 00 00 00 00 00 03 77 77 77 07 65 78 61 6D 70 6C 65 03 63 6F 6D 00 00 01 00 01") },
        { "DNS query over TCP, id 0", Hex("00 1C 00 00 01 00 00 01 00 00 00 00 00 00 03 77 77 77 07 65 78 61 6D 70 6C 65 03 63 6F 6D 00 00 01 00 01") },
        { "DNS response over TCP, id 0", Hex("00 2C 00 00 81 80 00 01 00 01 00 00 00 00 03 77 77 77") },
        { "RDP / TPKT", Hex("03 00 00 13 0E E0 00 00 00 00 00 01 00 08 00 03 00 00 00") },
        { "SMTP banner", Encoding.ASCII.GetBytes("220 mail.example ESMTP Postfix\r\n") },
        { "zeros", new byte[64] },
        { "S7comm over TPKT", Hex("03 00 00 16 11 E0 00 00 00 01 00 C0 01 0A C1 02 01 00 C2 02 01 02") },
        { "EtherNet/IP ListIdentity", Hex("63 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00") },
        { "DNP3 link frame", Hex("05 64 05 C9 01 00 00 04 E9 21") },
        { "IEC 104 STARTDT", Hex("68 04 07 00 00 00") },
        { "OPC UA Hello", Encoding.ASCII.GetBytes("HELF\u0038\0\0\0\0\0\0\0") },
    };

    [Theory]
    [MemberData(nameof(OtherProtocols))]
    public void Probe_OtherProtocols_ReturnsNo(string name, byte[] payload)
    {
        Assert.True(Dissector.Probe(payload, TransportKind.Tcp) == ContentMatch.No, name);
        Assert.True(Dissector.Probe(payload, TransportKind.Udp) == ContentMatch.No, name);
    }

    [Property(MaxTest = 2000)]
    public Property Probe_RandomBytes_NeverClaimsThem() =>
        Prop.ForAll(
            Gen.Choose(8, 300).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)).ToArbitrary(),
            bytes => Dissector.Probe(bytes, TransportKind.Tcp) != ContentMatch.Yes);

    [Fact]
    public void Probe_Udp_NeedsWholeAdus()
    {
        byte[] adu = Hex("00 01 00 00 00 06 11 03 00 6B 00 03");
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(adu, TransportKind.Udp));
        Assert.Equal(ContentMatch.No, Dissector.Probe(adu.AsSpan(0, 10), TransportKind.Udp));
        Assert.Equal(ContentMatch.No, Dissector.Probe([.. adu, 0x00], TransportKind.Udp));
    }

    [Fact]
    public void Dissector_DeclaresItsPorts()
    {
        Assert.Equal("modbus", Dissector.Protocol);
        Assert.Equal([502], Dissector.TcpPorts);
        Assert.Equal([502], Dissector.UdpPorts);
        Assert.Contains(OtSecurity.Capture.Dissectors.DissectorCatalog.All, d => d is ModbusDissector);
    }
}

using System.Text;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors;
using OtSecurity.Capture.Dissectors.Dnp3;
using OtSecurity.Capture.Dissectors.Iec104;

namespace OtSecurity.Capture.Tests.Dissectors;

/// <summary>Ordinary traffic must never be claimed by the DNP3 or IEC 104 probes.</summary>
public class ProbeNoiseTests
{
    public static TheoryData<string, string> OrdinaryTraffic => new()
    {
        { "http request", "474554202F20485454502F312E310D0A486F73743A206578616D706C652E636F6D0D0A0D0A" },
        { "http response", "485454502F312E3120323030204F4B0D0A436F6E74656E742D4C656E6774683A20300D0A0D0A" },
        { "tls client hello", "1603010200010001FC0303" + new string((char)0x41, 64) },
        { "ssh banner", Convert.ToHexString(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n")) },
        { "smb2 negotiate", "000000B4FE534D4240000000000000000000000000000000000000000000000000" },
        { "dns query", "AAAA01000001000000000000076578616D706C6503636F6D0000010001" },
        { "lowercase text", Convert.ToHexString(Encoding.ASCII.GetBytes("hello world, how are you today?")) },
    };

    [Theory]
    [MemberData(nameof(OrdinaryTraffic))]
    public void Probe_OrdinaryTraffic_IsNotClaimed(string what, string hex)
    {
        byte[] payload = Convert.FromHexString(hex);
        foreach (var dissector in new IProtocolDissector[] { new Dnp3Dissector(), new Iec104Dissector() })
        {
            Assert.NotEqual(ContentMatch.Yes, dissector.Probe(payload, TransportKind.Tcp));
            Assert.NotEqual(ContentMatch.Yes, dissector.Probe(payload, TransportKind.Udp));
            Assert.True(dissector.Probe(payload, TransportKind.Tcp) == ContentMatch.No, $"{dissector.Protocol} on {what}");
        }
    }

    [Fact]
    public void Probe_RandomPayloads_AreNeverClaimed()
    {
        var random = new Random(104_20000);
        var payload = new byte[256];
        foreach (var dissector in new IProtocolDissector[] { new Dnp3Dissector(), new Iec104Dissector() })
        {
            for (int i = 0; i < 50_000; i++)
            {
                random.NextBytes(payload);
                Assert.NotEqual(ContentMatch.Yes, dissector.Probe(payload, TransportKind.Tcp));
            }
        }
    }

    [Fact]
    public void Probe_RandomPayloadsStartingLikeTheProtocol_AreNeverClaimed()
    {
        // The hardest noise: the protocol's own start octets followed by random bytes.
        var random = new Random(1815);
        var payload = new byte[128];
        var dnp3 = new Dnp3Dissector();
        var iec104 = new Iec104Dissector();
        for (int i = 0; i < 50_000; i++)
        {
            random.NextBytes(payload);
            payload[0] = 0x05;
            payload[1] = 0x64;
            Assert.NotEqual(ContentMatch.Yes, dnp3.Probe(payload, TransportKind.Tcp));
            payload[0] = 0x68;
            Assert.NotEqual(ContentMatch.Yes, iec104.Probe(payload, TransportKind.Tcp));
        }
    }

    [Fact]
    public void Catalog_ListsDnp3AndIec104()
    {
        Assert.Contains(DissectorCatalog.All, d => d.Protocol == "dnp3");
        Assert.Contains(DissectorCatalog.All, d => d.Protocol == "iec104");
    }
}

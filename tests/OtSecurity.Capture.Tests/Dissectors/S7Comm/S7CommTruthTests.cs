using OtSecurity.Capture.Tests.Truth;

namespace OtSecurity.Capture.Tests.Dissectors.S7Comm;

/// <summary>Every S7comm capture in ../shared/captures/s7comm agrees with tshark 4.0.17: 0 missing, 0 mismatched frames.</summary>
public class S7CommTruthTests
{
    [Theory]
    [Trait("Category", "Interop")]
    [InlineData("s7comm/icsnpp-s7ident.pcap")]
    [InlineData("s7comm/s7comm-downloading-block-db1.pcap")]
    [InlineData("s7comm/s7comm-program-blocklist-onlineview.pcap")]
    [InlineData("s7comm/s7comm-reading-plc-status.pcap")]
    [InlineData("s7comm/s7comm-reading-setting-plc-time.pcap")]
    [InlineData("s7comm/snap7-s300-everything.pcap")]
    [InlineData("s7comm/step7-s300-read-diag-data.pcap")]
    [InlineData("s7comm/wincc-s300-setup-alarm-read-write.pcap")]
    public async Task Capture_AgreesWithWireshark(string capture)
    {
        TruthResult result = await TruthComparison.RunAsync(capture);
        result.AssertAgrees();
        Assert.Contains("missing 0, mismatched 0", result.Summary, StringComparison.Ordinal);
    }
}

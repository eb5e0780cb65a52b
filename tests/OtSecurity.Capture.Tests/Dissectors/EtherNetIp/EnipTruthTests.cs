using OtSecurity.Capture.Tests.Truth;

namespace OtSecurity.Capture.Tests.Dissectors.EtherNetIp;

/// <summary>Every EtherNet/IP capture agrees with tshark 4.0.17: 0 missing and 0 mismatched frames.</summary>
public class EnipTruthTests
{
    [Theory]
    [Trait("Category", "Interop")]
    [InlineData("enip/icsnpp-enip-cip-example.pcap")]
    [InlineData("enip/logix-read-tag-polling.pcap")]
    [InlineData("enip/enip-cip-connection-manager.pcap")]
    [InlineData("enip/digitalbond-cl5000-reboot.pcap")]
    [InlineData("enip/controllogix-factorytalk-hmi.pcap")]
    [InlineData("enip/ndpi-cip-io.pcap")]
    [InlineData("enip/digitalbond-cl5000-ip-address-change-attempt.pcap")]
    public async Task Capture_AgreesWithWireshark(string capture) =>
        (await TruthComparison.RunAsync(capture)).AssertAgrees();
}

/// <summary>Where we and Wireshark differ on purpose.</summary>
public class EnipWiresharkDifferenceTests
{
    /// <summary>
    /// logix-read-tag-polling is a lossy capture: frames 229 and 232 carry Read Tag replies that appear nowhere else in
    /// it (229 continues frame 226 in sequence). Because the peer had already acknowledged past them, tshark calls
    /// them spurious retransmissions and does not dissect them. They are the only copy of those bytes, so we read them.
    /// </summary>
    [Fact]
    [Trait("Category", "Interop")]
    public async Task Retransmission_OfAnUncapturedSegment_IsRead()
    {
        var path = Path.Combine(Support.RepositoryPaths.Captures, "enip", "logix-read-tag-polling.pcap");
        var messages = new List<OtSecurity.Capture.Dissection.OtMessage>();
        await new OtSecurity.Capture.Pipeline.CapturePipeline().RunAsync(path, messages.Add);
        foreach (long frame in new long[] { 229, 232 })
        {
            var message = Assert.Single(messages, m => m.Frame == frame && m.Protocol == "enip" && m.Status != OtSecurity.Capture.Dissection.MessageStatus.Timeout);
            Assert.Contains(new OtSecurity.Capture.Dissection.OtField("cipService", 0x4C, null), message.Fields);
            Assert.Contains(new OtSecurity.Capture.Dissection.OtField("cipStatus", 0, null), message.Fields);
        }
    }
}

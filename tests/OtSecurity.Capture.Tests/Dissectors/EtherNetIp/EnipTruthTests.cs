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

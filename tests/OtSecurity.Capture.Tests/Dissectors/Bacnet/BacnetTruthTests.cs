using OtSecurity.Capture.Tests.Truth;

namespace OtSecurity.Capture.Tests.Dissectors.Bacnet;

/// <summary>Every BACnet capture agrees with tshark 4.0.17: 0 missing and 0 mismatched frames.</summary>
public class BacnetTruthTests
{
    [Theory]
    [Trait("Category", "Interop")]
    [InlineData("bacnet/icsnpp-bacnet-example.pcap")]
    [InlineData("bacnet/icsnpp-bacnet-error-reject-abort.pcap")]
    [InlineData("bacnet/icsnpp-bacnet-segmented.pcap")]
    [InlineData("bacnet/bacnet-ip-sample.pcap")]
    [InlineData("bacnet/bacnet-array-elements.pcap")]
    [InlineData("bacnet/iti-bacnet-test.pcap")]
    public async Task Capture_AgreesWithWireshark(string capture) =>
        (await TruthComparison.RunAsync(capture)).AssertAgrees();
}

using OtSecurity.Capture.Tests.Truth;
using Xunit.Abstractions;

namespace OtSecurity.Capture.Tests.Dissectors.Modbus;

/// <summary>Every Modbus capture in ../shared/captures/modbus agrees with Wireshark 4.0 (0 missing, 0 mismatched frames).</summary>
public class ModbusTruthTests(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Interop")]
    [InlineData("modbus/zeek-modbusSmall.pcap")]
    [InlineData("modbus/zeek-modbus-eit.pcap")]
    [InlineData("modbus/zeek-modbus-fuzz-72.pcap")]
    [InlineData("modbus/digitalbond-modbus-test-data-part1.pcap")]
    [InlineData("modbus/digitalbond-modbus-test-data-part2.pcap")]
    [InlineData("modbus/icsnpp-modbus-example.pcap")]
    [InlineData("modbus/iti-modbustcp-polling-large.pcap")]
    public async Task Capture_AgreesWithWireshark(string capture)
    {
        TruthResult result = await TruthComparison.RunAsync(capture, extraArguments: ["--show", "20"]);
        output.WriteLine(result.Output);
        result.AssertAgrees();
        Assert.Contains("missing 0, mismatched 0", result.Summary, StringComparison.Ordinal);
    }
}

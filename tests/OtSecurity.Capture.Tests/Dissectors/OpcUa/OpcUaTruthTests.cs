using System.Text.Json;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Tests.Truth;

namespace OtSecurity.Capture.Tests.Dissectors.OpcUa;

/// <summary>Every OPC UA capture in ../shared/captures/opcua agrees with tshark 4.0.17: 0 missing, 0 mismatched frames.</summary>
public class OpcUaTruthTests
{
    [Theory]
    [Trait("Category", "Interop")]
    [InlineData("opcua/icsnpp-open62541-client-server-mainloop.pcapng")]
    [InlineData("opcua/icsnpp-open62541-browse-next.pcapng")]
    [InlineData("opcua/icsnpp-open62541-create-monitored-items.pcap")]
    [InlineData("opcua/icsnpp-python-opcua-minimal.pcap")]
    [InlineData("opcua/icsnpp-opcua-with-gap-with-handshake.pcapng")]
    [InlineData("opcua/icsnpp-open62541-encrypted.pcapng")]
    public async Task Capture_AgreesWithWireshark(string capture)
    {
        TruthResult result = await TruthComparison.RunAsync(capture);
        result.AssertAgrees();
        Assert.Contains("missing 0, mismatched 0", result.Summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// Wireshark is wrong here (docs/protocols/opcua.md): frame 30 completes a 13,990-octet CreateSessionResponse sent
    /// in ten contiguous segments (frames 12–30); tshark 4.0.17 shows nothing for it. Our message must be a complete,
    /// decodable response: the answer to frame 10's CreateSessionRequest, with the server's application description.
    /// </summary>
    [Fact]
    [Trait("Category", "Interop")]
    public async Task GapCapture_Frame30_IsACompleteCreateSessionResponse()
    {
        TruthResult result = await TruthComparison.RunAsync("opcua/icsnpp-opcua-with-gap-with-handshake.pcapng");
        string? line = File.ReadLines(result.JsonLinesPath).FirstOrDefault(l => l.StartsWith("{\"frame\":30,", StringComparison.Ordinal));
        Assert.NotNull(line);
        using JsonDocument json = JsonDocument.Parse(line);
        Assert.Equal("MSG", json.RootElement.GetProperty("msgType").GetString());
        Assert.Equal(464, json.RootElement.GetProperty("serviceId").GetInt32());
        HashSet<string> truthFrames = File.ReadLines(Path.Combine(RepositoryPaths.Captures, "opcua", "icsnpp-opcua-with-gap-with-handshake.truth.tsv")).Skip(1).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("30", truthFrames);

        var messages = new List<OtMessage>();
        await new CapturePipeline().RunAsync(Path.Combine(RepositoryPaths.Captures, "opcua", "icsnpp-opcua-with-gap-with-handshake.pcapng"), messages.Add);
        OtMessage response = Assert.Single(messages, m => m.Frame == 30 && m.Protocol == "opcua");
        Assert.Equal(10, response.RequestFrame);
        Assert.NotNull(response.Identity);
        Assert.Equal("Softing OPC UA Gateway", response.Identity.Product);
        Assert.Equal("Server", response.Identity.DeviceType);
    }
}

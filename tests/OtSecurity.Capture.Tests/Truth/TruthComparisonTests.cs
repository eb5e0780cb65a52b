using System.Globalization;
using System.Text;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Truth;

/// <summary>The truth helper itself, on a synthetic capture and a test-only dissector.</summary>
public sealed class TruthComparisonTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "otsec-truth-" + Guid.NewGuid().ToString("N"));

    public TruthComparisonTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_MatchingTruth_ExitsZero()
    {
        var (capture, truth) = WriteCapture(wrongFunctionAtFrame: 0);

        var result = await TruthComparison.RunAsync(capture, Options(), truth);

        result.AssertAgrees();
        Assert.Contains("modbus: 4/4 frames agree", result.Summary);
    }

    [Fact]
    public async Task RunAsync_MismatchedTruth_ExitsOneAndShowsTheFrame()
    {
        var (capture, truth) = WriteCapture(wrongFunctionAtFrame: 5);

        var result = await TruthComparison.RunAsync(capture, Options(), truth);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mismatch frame 5 func", result.Output);
        Assert.Contains("mismatched 1", result.Summary);
    }

    [Fact]
    public async Task RunAsync_MissingCapture_Throws()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => TruthComparison.RunAsync(Path.Combine(_folder, "none.pcap"), Options()));
    }

    private static CapturePipelineOptions Options() => new() { Dissectors = [new MbapLikeDissector("modbus", 502)] };

    private (string Capture, string Truth) WriteCapture(int wrongFunctionAtFrame)
    {
        var client = TestCapture.Client;
        var server = TestCapture.Server;
        var request1 = MbapLikeDissector.Frame(1, 1, 3);
        var response1 = MbapLikeDissector.Frame(1, 1, 3, [2, 0, 7]);
        var request2 = MbapLikeDissector.Frame(2, 1, 16);
        var response2 = MbapLikeDissector.Frame(2, 1, 16);
        var capture = new TestCapture()
            .Handshake(client, server)
            .Tcp(client, server, 1001, TcpFlags.Psh, request1, ack: 5001)
            .Tcp(server, client, 5001, TcpFlags.Psh, response1, ack: 1001 + (uint)request1.Length)
            .Tcp(client, server, 1001 + (uint)request1.Length, TcpFlags.Psh, request2, ack: 5001 + (uint)response1.Length)
            .Tcp(server, client, 5001 + (uint)response1.Length, TcpFlags.Psh, response2, ack: 1001 + (uint)(request1.Length + request2.Length));
        var path = Path.Combine(_folder, "synthetic.pcap");
        File.WriteAllBytes(path, capture.ToPcap());

        // The truth as tshark would print it for these frames (4 to 7).
        var truth = new StringBuilder("frame.number\tip.src\ttcp.srcport\tudp.srcport\tip.dst\ttcp.dstport\tudp.dstport\tmbtcp.trans_id\tmbtcp.unit_id\tmodbus.func_code\n");
        (int Frame, bool FromClient, int Txn, int Func)[] rows = [(4, true, 1, 3), (5, false, 1, 3), (6, true, 2, 16), (7, false, 2, 16)];
        foreach (var (frame, fromClient, txn, func) in rows)
        {
            var (src, dst) = fromClient ? (client, server) : (server, client);
            var shown = frame == wrongFunctionAtFrame ? func + 1 : func;
            truth.Append(CultureInfo.InvariantCulture, $"{frame}\t{src.Address}\t{src.Port}\t\t{dst.Address}\t{dst.Port}\t\t{txn}\t1\t{shown}\n");
        }

        var truthPath = Path.Combine(_folder, "synthetic.truth.tsv");
        File.WriteAllText(truthPath, truth.ToString());
        return (path, truthPath);
    }
}

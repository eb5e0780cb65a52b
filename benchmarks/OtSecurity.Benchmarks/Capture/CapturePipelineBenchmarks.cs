using BenchmarkDotNet.Attributes;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Pipeline;

namespace OtSecurity.Benchmarks.Capture;

/// <summary>
/// The full capture pipeline (file read, link/IP/TCP decode, flow lookup, reassembly, dispatch, dissection, message
/// delivery) over a generated capture of Modbus/TCP polling, against reading the file alone. Frames per second =
/// Frames / mean time.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class CapturePipelineBenchmarks
{
    private string _path = string.Empty;
    private CapturePipeline _pipeline = null!;

    [Params(100_000, 1_000_000)]
    public int Frames { get; set; }

    /// <summary>The dissectors benchmarked: the Modbus dissector when it is in the catalog, a minimal MBAP one otherwise.</summary>
    public static IReadOnlyList<IProtocolDissector> Dissectors =>
        OtSecurity.Capture.Dissectors.DissectorCatalog.All.Any(d => d.Protocol == "modbus")
            ? OtSecurity.Capture.Dissectors.DissectorCatalog.All
            : [new MbapTestDissector()];

    [GlobalSetup]
    public void Setup()
    {
        _path = ModbusCaptureGenerator.Create(Frames, seed: 20240501);
        _pipeline = new CapturePipeline(new CapturePipelineOptions { Dissectors = Dissectors });
    }

    [Benchmark(Baseline = true, Description = "read file only")]
    public long ReadFileOnly()
    {
        using var reader = CaptureFileReader.Open(_path);
        long bytes = 0;
        while (reader.TryRead(out var packet))
        {
            bytes += packet.Data.Length;
        }

        return bytes;
    }

    [Benchmark(Description = "full pipeline")]
    public long FullPipeline()
    {
        var sink = new CountingSink();
        using var stream = File.OpenRead(_path);
        var result = _pipeline.Run(stream, sink);
        if (sink.Messages != Frames || !result.IsComplete)
        {
            throw new InvalidOperationException($"{sink.Messages} messages from {Frames} frames.");
        }

        return sink.Messages;
    }
}

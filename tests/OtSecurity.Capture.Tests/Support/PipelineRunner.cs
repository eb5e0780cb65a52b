using OtSecurity.Capture.Pipeline;

namespace OtSecurity.Capture.Tests.Support;

/// <summary>Runs the pipeline on an in-memory capture.</summary>
internal static class PipelineRunner
{
    public static (CollectingSink Sink, CaptureRunResult Result) Run(TestCapture capture, CapturePipelineOptions? options = null, bool pcapng = false)
    {
        var sink = new CollectingSink();
        var bytes = pcapng ? capture.ToPcapNg() : capture.ToPcap();
        var result = new CapturePipeline(options ?? Modbus()).Run(new MemoryStream(bytes), sink);
        return (sink, result);
    }

    public static CapturePipelineOptions Modbus(params int[] ports) =>
        new() { Dissectors = [new MbapLikeDissector("modbus", ports)] };
}

using System.Diagnostics;
using System.Globalization;
using OtSecurity.Capture.Pipeline;

namespace OtSecurity.Benchmarks.Capture;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- capture-peak FRAMES [RUNS]</c>: one pipeline run in a
/// fresh process, printing the rate and the peak memory (working set and GC heap) so that runs of different sizes
/// can be compared.
/// </summary>
public static class CapturePeak
{
    public static int Run(string[] args)
    {
        var frames = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var path = ModbusCaptureGenerator.Create(frames, seed: 20240501);
        var pipeline = new CapturePipeline(new CapturePipelineOptions { Dissectors = CapturePipelineBenchmarks.Dissectors });
        var repeat = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        for (var i = 1; i < repeat; i++)
        {
            // Warm-up runs (tiered JIT), reported but not the measured one.
            var warm = Stopwatch.StartNew();
            using var warmStream = File.OpenRead(path);
            pipeline.Run(warmStream, new CountingSink());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {i}: {frames / warm.Elapsed.TotalSeconds:F0} frames/s"));
        }

        var sink = new CountingSink();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        using (var stream = File.OpenRead(path))
        {
            var result = pipeline.Run(stream, sink);
            stopwatch.Stop();
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            var statistics = result.Statistics;
            using var process = Process.GetCurrentProcess();
            var gc = GC.GetGCMemoryInfo();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"frames={statistics.Frames} messages={sink.Messages} seconds={stopwatch.Elapsed.TotalSeconds:F3} rate={statistics.Frames / stopwatch.Elapsed.TotalSeconds:F0}/s " +
                $"cpuSeconds={cpu:F3} ratePerCpuSecond={statistics.Frames / cpu:F0}/s " +
                $"peakWorkingSet={process.PeakWorkingSet64 / 1024 / 1024}MiB gcHeap={gc.HeapSizeBytes / 1024 / 1024}MiB " +
                $"peakFlows={statistics.PeakFlows} peakBuffered={statistics.PeakBufferedBytes} file={new FileInfo(path).Length / 1024 / 1024}MiB"));
        }

        return 0;
    }
}

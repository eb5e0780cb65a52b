using System.Diagnostics;
using OtSecurity.Capture.Output;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;

namespace OtSecurity.Capture.Tests.Truth;

/// <summary>
/// Runs the capture pipeline on a capture, writes our <c>--jsonl</c> output to a temporary file and compares it with
/// Wireshark's truth using <c>python3 ../shared/tools/compare-truth.py TRUTH OURS</c>.
/// </summary>
/// <remarks>
/// Protocol tests add one row per capture:
/// <code>
/// [Theory]
/// [Trait("Category", "Interop")]
/// [InlineData("modbus/zeek-modbusSmall.pcap")]
/// public async Task Capture_AgreesWithWireshark(string capture) =>
///     (await TruthComparison.RunAsync(capture)).AssertAgrees();
/// </code>
/// </remarks>
public static class TruthComparison
{
    /// <summary>How long compare-truth.py may run.</summary>
    public static TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The comparison script.</summary>
    public static string Script => Path.Combine(RepositoryPaths.Shared, "tools", "compare-truth.py");

    /// <summary>Runs the pipeline on a capture and compares the result with its truth file.</summary>
    /// <param name="capture">A path relative to <c>../shared/captures</c> (for example <c>modbus/zeek-modbusSmall.pcap</c>) or an absolute path.</param>
    /// <param name="options">Pipeline options; the default (every catalogued dissector) when null.</param>
    /// <param name="truth">The truth TSV; by default the capture's name with <c>.truth.tsv</c> in place of its extension.</param>
    /// <param name="extraArguments">More arguments for the script (for example <c>--show 50</c>).</param>
    /// <returns>The script's exit code and output, and our run.</returns>
    public static async Task<TruthResult> RunAsync(string capture, CapturePipelineOptions? options = null, string? truth = null, params string[] extraArguments)
    {
        var capturePath = Path.IsPathRooted(capture) ? capture : Path.Combine(RepositoryPaths.Captures, capture);
        var truthPath = truth ?? Path.Combine(Path.GetDirectoryName(capturePath)!, Path.GetFileNameWithoutExtension(capturePath) + ".truth.tsv");
        if (!File.Exists(capturePath))
        {
            throw new FileNotFoundException($"Capture not found: {capturePath}", capturePath);
        }

        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"Truth file not found: {truthPath}", truthPath);
        }

        var ours = Path.Combine(Path.GetTempPath(), $"otsec-truth-{Path.GetFileNameWithoutExtension(capturePath)}-{Guid.NewGuid():N}.jsonl");
        CaptureRunResult run;
        var writer = new OtMessageJsonLinesWriter(File.Create(ours));
        await using (writer.ConfigureAwait(false))
        {
            run = await new CapturePipeline(options).RunAsync(capturePath, writer).ConfigureAwait(false);
        }

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(truthPath);
        start.ArgumentList.Add(ours);
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (run.Error is not null)
        {
            output += $"{Environment.NewLine}capture error: {run.Error.Message}";
        }

        return new TruthResult(process.ExitCode, output, ours, run);
    }
}

/// <summary>The outcome of one truth comparison.</summary>
/// <param name="ExitCode">compare-truth.py's exit code: 0 when nothing is missing or mismatched.</param>
/// <param name="Output">Its output (differences, per-field agreement, the summary line last).</param>
/// <param name="JsonLinesPath">Our jsonl (kept for inspection; in the temp folder).</param>
/// <param name="Run">Our pipeline run (counters, and the capture's damage if any).</param>
public sealed record TruthResult(int ExitCode, string Output, string JsonLinesPath, CaptureRunResult Run)
{
    /// <summary>The script's last line: the summary.</summary>
    public string Summary => Output.TrimEnd().Split('\n')[^1];

    /// <summary>Fails the test, showing the script's output, unless nothing was missing or mismatched.</summary>
    public void AssertAgrees() =>
        Assert.True(ExitCode == 0, $"compare-truth.py exited {ExitCode} for {JsonLinesPath}:{Environment.NewLine}{Output}");
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OtSecurity.Capture.Dispatch;
using OtSecurity.Capture.Output;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Cli.Common;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec dissect FILE [--jsonl | --summary] [--decode-as tcp:PORT=PROTO]...</c>: reads a pcap or pcapng capture and
/// prints every OT protocol message as JSON Lines (the contract in DESIGN.md) or a summary (per-protocol counts,
/// function-code histogram, flows, malformed/dropped/gap counts). Exit code 0; 1 when the capture is truncated or
/// corrupt after its start (what was read is printed, the error goes to standard error); 2 when the file cannot be
/// read at all or an option is invalid.
/// </summary>
internal static class DissectCommand
{
    /// <summary>Files at least this large show a progress line on standard error when it is a terminal.</summary>
    public const long ProgressThresholdBytes = 16L * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The capture: pcap (both byte orders, micro- or nanosecond) or pcapng.",
        };
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "Print one JSON object per protocol message (keys: frame, ts, proto, src, dst, dir, op, func, funcName, unit, protocol fields, addr, count).",
        };
        var summary = new Option<bool>("--summary")
        {
            Description = "Print per-protocol message counts, the function-code histogram, flows and malformed/dropped/gap counts (the default).",
        };
        var decodeAs = new Option<string[]>("--decode-as")
        {
            Description = "Force a protocol on a port, e.g. tcp:5020=modbus or udp:47809=bacnet (repeatable). Protocols: " + ProtocolNames() + ".",
            HelpName = "tcp|udp:PORT=PROTO",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        decodeAs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!DecodeAsRule.TryParse(token.Value, out _, out var problem))
                {
                    result.AddError($"--decode-as: {problem}.");
                }
            }
        });
        var command = new Command("dissect", "Dissect the OT protocol messages of a pcap or pcapng capture: JSON Lines (--jsonl) or a summary (--summary, the default). Exit code 0; 1: the capture is truncated or corrupt (what was read is printed); 2: the file cannot be read or an option is invalid.")
        {
            file,
            jsonl,
            summary,
            decodeAs,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(jsonl),
            parse.GetValue(summary),
            parse.GetValue(decodeAs) ?? [],
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static string ProtocolNames() =>
        string.Join(", ", OtSecurity.Capture.Dissectors.DissectorCatalog.All.Select(d => d.Protocol).Order(StringComparer.Ordinal));

    private static int Run(string path, bool jsonl, bool summary, string[] decodeAs, TextWriter output, TextWriter error)
    {
        if (jsonl && summary)
        {
            error.WriteLine("otsec dissect: choose one of --jsonl and --summary.");
            return ExitCodes.UsageOrInput;
        }

        var rules = new List<DecodeAsRule>();
        foreach (var text in decodeAs)
        {
            if (!DecodeAsRule.TryParse(text, out var rule, out var problem))
            {
                error.WriteLine($"otsec dissect: --decode-as: {problem}.");
                return ExitCodes.UsageOrInput;
            }

            rules.Add(rule);
        }

        CapturePipeline pipeline;
        try
        {
            pipeline = new CapturePipeline(new CapturePipelineOptions { DecodeAs = rules });
        }
        catch (ArgumentException ex)
        {
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            error.WriteLine($"otsec dissect: {message}");
            return ExitCodes.UsageOrInput;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"otsec dissect: cannot read '{path}': {Describe(ex, path)}");
            return ExitCodes.UsageOrInput;
        }

        using (stream)
        {
            using var progress = ShowsProgress(error, stream.Length) ? new ProgressLine(error, path) : null;
            CaptureRunResult result;
            CaptureSummaryBuilder? builder = null;
            try
            {
                if (jsonl)
                {
                    using var writer = ReferenceEquals(output, Console.Out)
                        ? new OtMessageJsonLinesWriter(Console.OpenStandardOutput(), leaveOpen: false)
                        : new OtMessageJsonLinesWriter(output);
                    result = pipeline.Run(stream, writer, progress);
                }
                else
                {
                    builder = new CaptureSummaryBuilder();
                    result = pipeline.Run(stream, builder, progress);
                }
            }
            catch (IOException ex)
            {
                progress?.Clear();
                error.WriteLine($"otsec dissect: cannot read '{path}': {ex.Message}");
                return ExitCodes.UsageOrInput;
            }

            progress?.Clear();
            if (result.Error is { } damage && damage.Offset == 0)
            {
                // Nothing could be read: not a capture file (or an empty one).
                error.WriteLine($"otsec dissect: cannot read '{path}': {damage.Message}");
                return ExitCodes.UsageOrInput;
            }

            if (builder is not null)
            {
                WriteSummary(output, path, builder.Build(result.Statistics), result);
            }

            if (result.Error is { } error2)
            {
                error.WriteLine($"otsec dissect: '{path}' is damaged; everything before the damage was dissected: {error2.Message}");
                return ExitCodes.Findings;
            }

            return ExitCodes.Success;
        }
    }

    private static string Describe(Exception ex, string path) => ex switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException when Directory.Exists(path) => "it is a folder; give a .pcap or .pcapng file",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };

    private static bool ShowsProgress(TextWriter error, long length) =>
        length >= ProgressThresholdBytes && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    private static void WriteSummary(TextWriter output, string path, CaptureSummary summary, CaptureRunResult result)
    {
        var s = summary.Statistics;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"Capture {path}");
        output.WriteLine(string.Create(c, $"  {s.Frames:N0} frames, {s.Bytes:N0} bytes, {s.Flows:N0} flows, {s.Messages - s.Timeouts:N0} messages{(result.IsComplete ? string.Empty : " (truncated capture)")}"));
        output.WriteLine();

        if (summary.Protocols.Count == 0)
        {
            output.WriteLine("No OT protocol messages.");
        }
        else
        {
            output.WriteLine("Protocols");
            var table = new TextTable("Protocol", "Messages", "Requests", "Responses", "Unsolicited", "Errors", "Malformed", "Timeouts", "Flows");
            foreach (var p in summary.Protocols)
            {
                table.AddRow(p.Protocol, N(p.Messages), N(p.Requests), N(p.Responses), N(p.Unsolicited), N(p.ProtocolErrors), N(p.Malformed), N(p.Timeouts), N(p.Flows));
            }

            table.WriteTo(output);
            foreach (var p in summary.Protocols)
            {
                output.WriteLine();
                output.WriteLine($"{p.Protocol} functions");
                var functions = new TextTable("Function", "Name", "Count");
                foreach (var f in p.Functions)
                {
                    functions.AddRow(f.Function?.ToString(c) ?? "-", f.Name ?? string.Empty, N(f.Count));
                }

                functions.WriteTo(output);
            }
        }

        output.WriteLine();
        output.WriteLine("Flows");
        var flows = new TextTable("Dispatched by", "Flows");
        flows.AddRow("well-known port", N(s.FlowsByPort));
        flows.AddRow("content", N(s.FlowsByContent));
        flows.AddRow("--decode-as", N(s.FlowsByDecodeAs));
        flows.AddRow("unidentified", N(s.FlowsUnidentified));
        flows.WriteTo(output);

        output.WriteLine();
        output.WriteLine("Decoding and reassembly");
        var counts = new TextTable("Counter", "Value");
        counts.AddRow("malformed messages", N(s.MalformedMessages));
        counts.AddRow("bytes skipped (resynchronisation)", $"{N(s.SkippedBytes)} in {N(s.SkipRuns)} runs");
        counts.AddRow("gaps (missing bytes)", $"{N(s.Gaps)} ({N(s.GapBytes)} bytes)");
        counts.AddRow("retransmissions", N(s.Retransmissions));
        counts.AddRow("overlapping bytes dropped", N(s.OverlapBytesDropped));
        counts.AddRow("out-of-order segments", N(s.OutOfOrderSegments));
        counts.AddRow("bytes dropped (flow cap / global cap)", $"{N(s.BytesDroppedFlowCap)} / {N(s.BytesDroppedGlobalCap)}");
        counts.AddRow("incomplete message bytes", N(s.IncompleteMessageBytes));
        counts.AddRow("truncated / malformed frames", $"{N(s.TruncatedFrames)} / {N(s.MalformedFrames)}");
        counts.AddRow("non-IP / unsupported link frames", $"{N(s.NonIpFrames)} / {N(s.UnsupportedLinkTypeFrames)}");
        counts.AddRow("IP fragments (reassembled / dropped / expired)", $"{N(s.Fragments)} ({N(s.ReassembledDatagrams)} / {N(s.FragmentsDropped)} / {N(s.FragmentDatagramsExpired)})");
        counts.AddRow("flows closed / idle / over limit / open at end", $"{N(s.FlowsClosed)} / {N(s.FlowsEvictedIdle)} / {N(s.FlowsEvictedLimit)} / {N(s.FlowsOpenAtEnd)}");
        counts.WriteTo(output);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A progress line on a terminal's standard error, redrawn at most four times a second.</summary>
    private sealed class ProgressLine(TextWriter error, string path) : IProgress<CaptureProgress>, IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.MinValue;
        private bool _shown;

        public void Report(CaptureProgress value)
        {
            if (_clock.Elapsed - _last < TimeSpan.FromMilliseconds(250))
            {
                return;
            }

            _last = _clock.Elapsed;
            var percent = value.TotalBytes is > 0 ? 100.0 * value.BytesRead / value.TotalBytes.Value : 0;
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rdissecting {Path.GetFileName(path)}: {percent,5:F1}%  {value.Frames:N0} frames  {value.Messages:N0} messages "));
            _shown = true;
        }

        public void Clear()
        {
            if (_shown)
            {
                error.Write("\r" + new string(' ', 100) + "\r");
                _shown = false;
            }
        }

        public void Dispose() => Clear();
    }
}

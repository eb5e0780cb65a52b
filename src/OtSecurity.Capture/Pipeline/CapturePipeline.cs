using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using OtSecurity.Capture.Dispatch;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Pipeline;

/// <summary>
/// Reads a pcap or pcapng capture and turns it into <see cref="OtMessage"/> values: file → link → IP (fragments
/// reassembled) → TCP/UDP → per-flow reassembly → dispatch (decode-as, well-known port, content probe) → the
/// protocol's dissector. Streaming with bounded memory. Reusable: every run is independent; not thread-safe within one run.
/// </summary>
/// <remarks>
/// Two forms: <see cref="ReadAsync(string, CancellationToken)"/> enumerates messages (and throws
/// <see cref="CaptureFormatException"/> after the last message when the file is damaged), and
/// <see cref="RunAsync(string, IOtMessageSink, IProgress{CaptureProgress}?, CancellationToken)"/> pushes messages to a
/// sink and returns a <see cref="CaptureRunResult"/> that carries the damage instead. Either way, everything before
/// the damage is delivered and every flow is completed (<see cref="IFlowDissector.Complete"/>) at the end.
/// </remarks>
public sealed class CapturePipeline
{
    private readonly ProtocolDispatcher _dispatcher;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="options">Dissectors, decode-as rules and caps; defaults when null.</param>
    /// <exception cref="ArgumentException">A decode-as rule names a protocol no dissector provides, or two dissectors share a name.</exception>
    public CapturePipeline(CapturePipelineOptions? options = null)
    {
        Options = options ?? new CapturePipelineOptions();
        Options.Reassembly.Validate();
        _dispatcher = new ProtocolDispatcher(Options.Dissectors, Options.DecodeAs);
    }

    /// <summary>The options.</summary>
    public CapturePipelineOptions Options { get; }

    /// <summary>The dispatcher built from the options.</summary>
    public ProtocolDispatcher Dispatcher => _dispatcher;

    /// <summary>Enumerates the messages of a capture file.</summary>
    /// <param name="path">The pcap or pcapng file.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The messages, in the order they were completed.</returns>
    /// <exception cref="CaptureFormatException">After the last message, when the file is truncated or corrupt.</exception>
    public IAsyncEnumerable<OtMessage> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, null, cancellationToken);

    /// <summary>Enumerates the messages of a capture file and fills <paramref name="statistics"/>.</summary>
    /// <param name="path">The pcap or pcapng file.</param>
    /// <param name="statistics">Counters to fill (a fresh instance per run), or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The messages.</returns>
    public async IAsyncEnumerable<OtMessage> ReadAsync(string path, CaptureStatistics? statistics, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = CaptureFileReader.Open(path, Options.Reader);
        await using (reader.ConfigureAwait(false))
        {
            await foreach (var message in ReadCoreAsync(reader, statistics ?? new CaptureStatistics(), cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }

    /// <summary>Enumerates the messages of a capture read from a stream (left open).</summary>
    /// <param name="stream">The capture bytes.</param>
    /// <param name="statistics">Counters to fill, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="CaptureFormatException">After the last message, when the capture is truncated or corrupt.</exception>
    public async IAsyncEnumerable<OtMessage> ReadAsync(Stream stream, CaptureStatistics? statistics = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = new CaptureFileReader(stream, leaveOpen: true, Options.Reader);
        await using (reader.ConfigureAwait(false))
        {
            await foreach (var message in ReadCoreAsync(reader, statistics ?? new CaptureStatistics(), cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }

    /// <summary>Pushes the messages of a capture file to a sink.</summary>
    /// <param name="path">The pcap or pcapng file.</param>
    /// <param name="sink">Receives messages and skipped-byte reports.</param>
    /// <param name="progress">Receives progress after every buffer of the file, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The counters, and the damage when the file is truncated or corrupt.</returns>
    public async Task<CaptureRunResult> RunAsync(string path, IOtMessageSink sink, IProgress<CaptureProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var reader = CaptureFileReader.Open(path, Options.Reader);
        await using (reader.ConfigureAwait(false))
        {
            return await RunCoreAsync(reader, sink, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pushes the messages of a capture read from a stream (left open) to a sink.</summary>
    /// <param name="stream">The capture bytes.</param>
    /// <param name="sink">Receives messages and skipped-byte reports.</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The counters, and the damage when the capture is truncated or corrupt.</returns>
    public async Task<CaptureRunResult> RunAsync(Stream stream, IOtMessageSink sink, IProgress<CaptureProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var reader = new CaptureFileReader(stream, leaveOpen: true, Options.Reader);
        await using (reader.ConfigureAwait(false))
        {
            return await RunCoreAsync(reader, sink, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pushes the messages of a capture file to a callback.</summary>
    /// <param name="path">The pcap or pcapng file.</param>
    /// <param name="onMessage">Called for every message.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The counters, and the damage when the file is truncated or corrupt.</returns>
    public Task<CaptureRunResult> RunAsync(string path, Action<OtMessage> onMessage, CancellationToken cancellationToken = default) =>
        RunAsync(path, new DelegateMessageSink(onMessage), null, cancellationToken);

    /// <summary>Pushes the messages of a capture read from a stream (left open) to a sink, synchronously.</summary>
    /// <param name="stream">The capture bytes.</param>
    /// <param name="sink">Receives messages and skipped-byte reports.</param>
    /// <returns>The counters, and the damage when the capture is truncated or corrupt.</returns>
    public CaptureRunResult Run(Stream stream, IOtMessageSink sink) => Run(stream, sink, null);

    /// <summary>Pushes the messages of a capture read from a stream (left open) to a sink, synchronously, reporting progress.</summary>
    /// <param name="stream">The capture bytes.</param>
    /// <param name="sink">Receives messages and skipped-byte reports.</param>
    /// <param name="progress">Receives progress after every buffer of the file, or null.</param>
    /// <returns>The counters, and the damage when the capture is truncated or corrupt.</returns>
    public CaptureRunResult Run(Stream stream, IOtMessageSink sink, IProgress<CaptureProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var reader = new CaptureFileReader(stream, leaveOpen: true, Options.Reader);
        var statistics = new CaptureStatistics();
        var engine = new CaptureEngine(Options, _dispatcher, sink, statistics);
        CaptureFormatException? error = null;
        try
        {
            do
            {
                ProcessBuffered(reader, engine, null);
                progress?.Report(new CaptureProgress(reader.Position, reader.Length, statistics.Frames, statistics.Messages));
            }
            while (reader.FillBuffer());
        }
        catch (CaptureFormatException ex)
        {
            error = ex;
        }

        engine.Finish();
        progress?.Report(new CaptureProgress(reader.Position, reader.Length, statistics.Frames, statistics.Messages));
        return new CaptureRunResult(statistics, error);
    }

    /// <summary>Creates the synchronous engine for callers that feed frames themselves (tests, live sources).</summary>
    internal CaptureEngine CreateEngine(IOtMessageSink sink, CaptureStatistics statistics) =>
        new(Options, _dispatcher, sink, statistics);

    private static bool ProcessBuffered(CaptureFileReader reader, CaptureEngine engine, Queue<OtMessage>? queue)
    {
        while (reader.TryReadBuffered(out var packet))
        {
            engine.ProcessFrame(packet);
            if (queue is not null && queue.Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<CaptureRunResult> RunCoreAsync(CaptureFileReader reader, IOtMessageSink sink, IProgress<CaptureProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var statistics = new CaptureStatistics();
        var engine = new CaptureEngine(Options, _dispatcher, sink, statistics);
        CaptureFormatException? error = null;
        try
        {
            do
            {
                ProcessBuffered(reader, engine, null);
                progress?.Report(new CaptureProgress(reader.Position, reader.Length, statistics.Frames, statistics.Messages));
                cancellationToken.ThrowIfCancellationRequested();
            }
            while (await reader.FillBufferAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (CaptureFormatException ex)
        {
            error = ex;
        }

        engine.Finish();
        progress?.Report(new CaptureProgress(reader.Position, reader.Length, statistics.Frames, statistics.Messages));
        return new CaptureRunResult(statistics, error);
    }

    private async IAsyncEnumerable<OtMessage> ReadCoreAsync(CaptureFileReader reader, CaptureStatistics statistics, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = new Queue<OtMessage>();
        var engine = new CaptureEngine(Options, _dispatcher, new QueueSink(queue), statistics);
        CaptureFormatException? error = null;
        while (true)
        {
            bool exhausted;
            try
            {
                exhausted = ProcessBuffered(reader, engine, queue);
            }
            catch (CaptureFormatException ex)
            {
                error = ex;
                break;
            }

            while (queue.TryDequeue(out var message))
            {
                yield return message;
            }

            if (!exhausted)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = await reader.FillBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CaptureFormatException ex)
            {
                error = ex;
                break;
            }

            if (!more)
            {
                break;
            }
        }

        engine.Finish();
        while (queue.TryDequeue(out var message))
        {
            yield return message;
        }

        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private sealed class QueueSink : IOtMessageSink
    {
        private readonly Queue<OtMessage> _queue;

        public QueueSink(Queue<OtMessage> queue) => _queue = queue;

        public void OnMessage(OtMessage message) => _queue.Enqueue(message);

        public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped)
        {
        }
    }
}

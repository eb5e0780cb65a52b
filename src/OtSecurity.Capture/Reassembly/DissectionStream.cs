using System.Buffers;
using System.IO.Pipelines;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Reassembly;

/// <summary>
/// Feeds the in-order bytes of one direction of a flow to its dissector. Fast path: when nothing is buffered the
/// dissector reads the segment's span directly; only the unconsumed tail of an incomplete message goes into a
/// <see cref="Pipe"/>, and the next bytes are appended behind it. Bytes the dissector cannot read are skipped one at
/// a time (it resynchronises on the next valid message) and counted; an incomplete message larger than the per-flow
/// cap is dropped and counted.
/// </summary>
internal sealed class DissectionStream
{
    private static readonly PipeOptions LeftoverPipeOptions = new(
        pool: MemoryPool<byte>.Shared,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: 0,
        resumeWriterThreshold: 0,
        minimumSegmentSize: 4096,
        useSynchronizationContext: false);

    private readonly IFlowDissector _dissector;
    private readonly string _protocol;
    private readonly IOtMessageSink _sink;
    private readonly SharedState _shared;
    private Pipe? _pipe;
    private long _buffered;
    private bool _skipping;

    public DissectionStream(IFlowDissector dissector, string protocol, IOtMessageSink sink, SharedState shared)
    {
        _dissector = dissector;
        _protocol = protocol;
        _sink = sink;
        _shared = shared;
    }

    /// <summary>Bytes of an incomplete message waiting for more.</summary>
    public long BufferedBytes => _buffered;

    /// <summary>Delivers the next bytes of the stream.</summary>
    public void Deliver(ReadOnlySpan<byte> data, in DissectContext context)
    {
        if (_buffered == 0)
        {
            var consumed = Dissect(data, context);
            if (consumed < data.Length)
            {
                Buffer(data[consumed..]);
            }

            return;
        }

        var statistics = _shared.Statistics;
        if (_buffered + data.Length > _shared.Options.MaxBufferedBytesPerFlow)
        {
            // The incomplete message outgrew the cap: drop it and read on (the dissector resynchronises).
            statistics.BytesDroppedFlowCap += _buffered;
            DiscardPipe();
            Deliver(data, context);
            return;
        }

        if (statistics.BufferedBytes + data.Length > _shared.Options.MaxBufferedBytes)
        {
            statistics.BytesDroppedGlobalCap += _buffered;
            DiscardPipe();
            Deliver(data, context);
            return;
        }

        var pipe = _pipe!;
        pipe.Writer.Write(data);
        FlushSynchronously(pipe.Writer);
        statistics.AddBuffered(data.Length);
        _buffered += data.Length;

        if (!pipe.Reader.TryRead(out var result))
        {
            throw new InvalidOperationException("The leftover pipe has no readable data after a write.");
        }

        var sequence = result.Buffer;
        int used;
        if (sequence.IsSingleSegment)
        {
            used = Dissect(sequence.FirstSpan, context);
        }
        else
        {
            var length = (int)sequence.Length;
            var scratch = _shared.RentScratch(length);
            sequence.CopyTo(scratch);
            used = Dissect(scratch.AsSpan(0, length), context);
        }

        // Examined = consumed: what is left stays readable, so a later gap or cap can drop it with TryRead.
        pipe.Reader.AdvanceTo(sequence.GetPosition(used));
        _buffered -= used;
        statistics.AddBuffered(-used);
    }

    /// <summary>Delivers one UDP datagram: every message in it; an unfinished tail is counted and reported.</summary>
    public void DeliverDatagram(ReadOnlySpan<byte> data, in DissectContext context)
    {
        var used = Dissect(data, context);
        _skipping = false;
        if (used < data.Length)
        {
            _shared.Statistics.IncompleteMessageBytes += data.Length - used;
            _sink.OnSkipped(context, new ProtocolError(_protocol, (int)CaptureError.IncompleteDatagram, "the datagram ends inside a message", used), data.Length - used);
        }
    }

    /// <summary>A gap: the buffered incomplete message can never complete. Drop it.</summary>
    public void DiscardBuffered()
    {
        if (_buffered > 0)
        {
            _shared.Statistics.IncompleteMessageBytes += _buffered;
            DiscardPipe();
        }
    }

    /// <summary>The flow ends: drop what is buffered and release the pipe.</summary>
    public void Close()
    {
        DiscardBuffered();
        if (_pipe is not null)
        {
            _pipe.Reader.Complete();
            _pipe.Writer.Complete();
            _pipe = null;
        }
    }

    private void Buffer(ReadOnlySpan<byte> rest)
    {
        var statistics = _shared.Statistics;
        if (rest.Length > _shared.Options.MaxBufferedBytesPerFlow)
        {
            statistics.BytesDroppedFlowCap += rest.Length;
            return;
        }

        if (statistics.BufferedBytes + rest.Length > _shared.Options.MaxBufferedBytes)
        {
            statistics.BytesDroppedGlobalCap += rest.Length;
            return;
        }

        _pipe ??= new Pipe(LeftoverPipeOptions);
        _pipe.Writer.Write(rest);
        FlushSynchronously(_pipe.Writer);
        _buffered = rest.Length;
        statistics.AddBuffered(rest.Length);
    }

    private static void FlushSynchronously(PipeWriter writer)
    {
        // No pause threshold and inline schedulers: the flush completes synchronously.
        var flush = writer.FlushAsync();
        if (flush.IsCompleted)
        {
            _ = flush.Result;
        }
        else
        {
            flush.AsTask().GetAwaiter().GetResult();
        }
    }

    private void DiscardPipe()
    {
        var pipe = _pipe!;
        if (pipe.Reader.TryRead(out var result))
        {
            pipe.Reader.AdvanceTo(result.Buffer.End);
        }

        _shared.Statistics.AddBuffered(-_buffered);
        _buffered = 0;
    }

    /// <summary>Runs the dissector over <paramref name="data"/> until it needs more; returns the bytes used.</summary>
    private int Dissect(ReadOnlySpan<byte> data, in DissectContext context)
    {
        var statistics = _shared.Statistics;
        var offset = 0;
        var skipStart = -1;
        while (offset < data.Length)
        {
            var remaining = data.Length - offset;
            var status = _dissector.Dissect(data[offset..], context, _sink, out var consumed);
            if (status == OperationStatus.Done && consumed > 0 && consumed <= remaining)
            {
                if (skipStart >= 0)
                {
                    ReportSkip(context, skipStart, offset - skipStart);
                    skipStart = -1;
                }

                _skipping = false;
                offset += consumed;
                continue;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                break;
            }

            // InvalidData (or a dissector that consumed nothing): skip one byte and try again.
            if (!_skipping)
            {
                _skipping = true;
                statistics.SkipRuns++;
            }

            if (skipStart < 0)
            {
                skipStart = offset;
            }

            statistics.SkippedBytes++;
            offset++;
        }

        if (skipStart >= 0)
        {
            ReportSkip(context, skipStart, offset - skipStart);
        }

        return offset;
    }

    private void ReportSkip(in DissectContext context, int offset, int count) =>
        _sink.OnSkipped(context, new ProtocolError(_protocol, (int)CaptureError.UnreadableBytes, "bytes that do not start a message were skipped", offset), count);
}

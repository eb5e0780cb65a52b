using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Reassembly;

/// <summary>
/// Puts one direction of a TCP connection back in order (RFC 9293 sequence space, serial-number arithmetic):
/// in-order bytes are handed straight to the consumer; segments ahead of a hole are held up to the caps;
/// retransmitted and overlapping bytes are dropped (the first copy wins); a hole that the caps, the peer's
/// acknowledgment or the end of the flow gives up is skipped as a gap. Held bytes are delivered with the context of
/// the frame that carried them, so a message completed by them carries that frame's number (as Wireshark numbers it). Starts mid-stream when the SYN was not seen.
/// Every drop and gap is counted in <see cref="CaptureStatistics"/>.
/// </summary>
internal sealed class TcpStreamReassembler
{
    /// <summary>A segment further behind than this is not a retransmission but a jump of the sequence space: the stream restarts there.</summary>
    private const int MaxRetransmissionDistance = 1 << 26;

    private readonly int _direction;
    private readonly ReassemblyOptions _options;
    private readonly CaptureStatistics _statistics;
    private readonly List<Held> _held = [];
    private long _heldBytes;

    public TcpStreamReassembler(int direction, ReassemblyOptions options, CaptureStatistics statistics)
    {
        _direction = direction;
        _options = options;
        _statistics = statistics;
    }

    /// <summary>True once the stream's starting sequence number is known (from a SYN or the first segment).</summary>
    public bool IsInitialized { get; private set; }

    /// <summary>True when the stream was started from a SYN.</summary>
    public bool SawSyn { get; private set; }

    /// <summary>The initial sequence number of the SYN, when seen.</summary>
    public uint InitialSequenceNumber { get; private set; }

    /// <summary>The next sequence number expected.</summary>
    public uint NextSequenceNumber { get; private set; }

    /// <summary>Segments held out of order.</summary>
    public int HeldSegments => _held.Count;

    /// <summary>Bytes held out of order.</summary>
    public long HeldBytes => _heldBytes;

    /// <summary>Takes one segment of this direction.</summary>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="flags">Its control bits.</param>
    /// <param name="payload">Its payload.</param>
    /// <param name="context">Its frame.</param>
    /// <param name="consumer">Where in-order bytes go.</param>
    /// <returns>True when the stream was picked up mid-stream by this segment.</returns>
    public bool OnSegment(uint sequence, TcpFlags flags, ReadOnlySpan<byte> payload, in DissectContext context, ITcpStreamConsumer consumer)
    {
        var pickedUp = false;
        if ((flags & TcpFlags.Syn) != 0)
        {
            if (!IsInitialized)
            {
                IsInitialized = true;
                SawSyn = true;
                InitialSequenceNumber = sequence;
                NextSequenceNumber = sequence + 1;
            }

            sequence++; // The SYN occupies one sequence number; data (if any) follows it.
        }

        if (payload.IsEmpty)
        {
            return false;
        }

        if (!IsInitialized)
        {
            IsInitialized = true;
            NextSequenceNumber = sequence;
            pickedUp = true;
        }

        var distance = SequenceNumber.Distance(sequence, NextSequenceNumber);
        if (distance < 0 && distance + payload.Length <= 0 && distance > -MaxRetransmissionDistance)
        {
            _statistics.Retransmissions++;
            return pickedUp;
        }

        if (distance <= -MaxRetransmissionDistance)
        {
            // Not a retransmission: the sequence space jumped (a new connection on the same ports without a SYN seen).
            Restart(sequence, context, consumer);
            distance = 0;
        }

        if (distance <= 0 && _held.Count == 0)
        {
            // The fast path: in order and nothing held.
            if (distance < 0)
            {
                _statistics.OverlapBytesDropped += -distance;
                payload = payload[-distance..];
            }

            NextSequenceNumber += (uint)payload.Length;
            consumer.OnData(_direction, payload, context);
            return pickedUp;
        }

        if (distance > 0)
        {
            _statistics.OutOfOrderSegments++;
        }

        Hold(sequence, payload, context);
        Drain(context, consumer);
        EnforceCaps(context, consumer);
        return pickedUp;
    }

    /// <summary>The peer acknowledged <paramref name="acknowledgment"/>: a hole it acknowledged will never be filled in this capture.</summary>
    /// <param name="acknowledgment">The peer's acknowledgment number.</param>
    /// <param name="context">The frame that carried it.</param>
    /// <param name="consumer">Where in-order bytes go.</param>
    public void OnAcknowledgment(uint acknowledgment, in DissectContext context, ITcpStreamConsumer consumer)
    {
        while (_held.Count > 0 && SequenceNumber.Distance(acknowledgment, _held[0].Sequence) >= 0 && SequenceNumber.Distance(acknowledgment, NextSequenceNumber) > 0)
        {
            SkipToFirstHeld(context, consumer);
        }
    }

    /// <summary>The flow ends: skip every remaining hole and deliver what is held.</summary>
    /// <param name="context">The last frame.</param>
    /// <param name="consumer">Where in-order bytes go.</param>
    public void Flush(in DissectContext context, ITcpStreamConsumer consumer)
    {
        while (_held.Count > 0)
        {
            SkipToFirstHeld(context, consumer);
        }
    }

    /// <summary>Returns held buffers without delivering them.</summary>
    public void Release()
    {
        foreach (var held in _held)
        {
            ArrayPool<byte>.Shared.Return(held.Data);
        }

        _statistics.AddBuffered(-_heldBytes);
        _held.Clear();
        _heldBytes = 0;
    }

    private void Restart(uint sequence, in DissectContext context, ITcpStreamConsumer consumer)
    {
        Flush(context, consumer);
        _statistics.Gaps++;
        consumer.OnGap(_direction, 0, context);
        NextSequenceNumber = sequence;
    }

    private void Hold(uint sequence, ReadOnlySpan<byte> payload, in DissectContext context)
    {
        // Work in distances from the next expected byte: held segments all lie ahead of it.
        var start = SequenceNumber.Distance(sequence, NextSequenceNumber);
        var end = start + payload.Length;
        var position = Math.Max(start, 0);
        if (start < 0)
        {
            _statistics.OverlapBytesDropped += -start;
        }

        var index = 0;
        var kept = 0;
        while (position < end)
        {
            // Find the next held segment that ends after position.
            while (index < _held.Count && SequenceNumber.Distance(_held[index].Sequence, NextSequenceNumber) + _held[index].Length <= position)
            {
                index++;
            }

            var nextStart = index < _held.Count ? SequenceNumber.Distance(_held[index].Sequence, NextSequenceNumber) : int.MaxValue;
            if (nextStart <= position)
            {
                // Covered by a held segment that came first: skip those bytes.
                var coveredEnd = Math.Min(end, nextStart + _held[index].Length);
                _statistics.OverlapBytesDropped += coveredEnd - position;
                position = coveredEnd;
                continue;
            }

            var pieceEnd = Math.Min(end, nextStart);
            var length = pieceEnd - position;
            if (_statistics.BufferedBytes + length > _options.MaxBufferedBytes)
            {
                _statistics.BytesDroppedGlobalCap += length;
            }
            else
            {
                var data = ArrayPool<byte>.Shared.Rent(length);
                payload.Slice(position - start, length).CopyTo(data);
                _held.Insert(index, new Held(NextSequenceNumber + (uint)position, data, length, context));
                index++;
                _heldBytes += length;
                _statistics.AddBuffered(length);
                kept += length;
            }

            position = pieceEnd;
        }

        if (kept == 0 && start >= 0)
        {
            _statistics.Retransmissions++;
        }
    }

    private void Drain(in DissectContext context, ITcpStreamConsumer consumer)
    {
        while (_held.Count > 0)
        {
            var held = _held[0];
            var distance = SequenceNumber.Distance(held.Sequence, NextSequenceNumber);
            if (distance > 0)
            {
                return;
            }

            _held.RemoveAt(0);
            _heldBytes -= held.Length;
            _statistics.AddBuffered(-held.Length);
            if (distance + held.Length > 0)
            {
                var fresh = held.Data.AsSpan(-distance, held.Length + distance);
                NextSequenceNumber += (uint)fresh.Length;

                // Held bytes keep the frame that carried them: a message they complete belongs to that frame.
                consumer.OnData(_direction, fresh, held.Context);
            }

            ArrayPool<byte>.Shared.Return(held.Data);
        }
    }

    private void EnforceCaps(in DissectContext context, ITcpStreamConsumer consumer)
    {
        while (_held.Count > _options.MaxOutOfOrderSegments || _heldBytes > _options.MaxBufferedBytesPerFlow)
        {
            SkipToFirstHeld(context, consumer);
        }
    }

    private void SkipToFirstHeld(in DissectContext context, ITcpStreamConsumer consumer)
    {
        var missing = SequenceNumber.Distance(_held[0].Sequence, NextSequenceNumber);
        if (missing > 0)
        {
            _statistics.Gaps++;
            _statistics.GapBytes += missing;
            NextSequenceNumber = _held[0].Sequence;
            consumer.OnGap(_direction, missing, context);
        }

        Drain(context, consumer);
    }

    private readonly record struct Held(uint Sequence, byte[] Data, int Length, DissectContext Context);
}

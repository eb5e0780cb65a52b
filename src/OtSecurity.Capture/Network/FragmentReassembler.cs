using System.Buffers;

namespace OtSecurity.Capture.Network;

/// <summary>
/// Rebuilds IPv4 and IPv6 datagrams from their fragments, in any order, under caps: datagrams in progress, bytes held
/// and a capture-time timeout. Overlapping fragment bytes keep the first copy. Every drop is counted in
/// <see cref="CaptureStatistics"/>.
/// </summary>
internal sealed class FragmentReassembler
{
    /// <summary>Largest reassembled payload (the 16-bit IP length fields).</summary>
    public const int MaxDatagramLength = 65535;

    private readonly FragmentReassemblyOptions _options;
    private readonly CaptureStatistics _statistics;
    private readonly Dictionary<FragmentKey, Pending> _pending = [];
    private readonly byte[] _completed = new byte[MaxDatagramLength];
    private readonly List<FragmentKey> _expired = [];
    private long _heldBytes;
    private DateTime _lastSweep = DateTime.MinValue;

    public FragmentReassembler(FragmentReassemblyOptions options, CaptureStatistics statistics)
    {
        _options = options;
        _statistics = statistics;
    }

    /// <summary>Datagrams in progress.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Fragment bytes held.</summary>
    public long HeldBytes => _heldBytes;

    /// <summary>Adds one fragment.</summary>
    /// <param name="key">The datagram it belongs to.</param>
    /// <param name="offset">Its offset in bytes.</param>
    /// <param name="moreFragments">Its MF flag (false for the last fragment).</param>
    /// <param name="protocol">The protocol or next header the fragment declares (IPv6: taken from the first fragment).</param>
    /// <param name="data">Its payload.</param>
    /// <param name="now">Capture time.</param>
    /// <param name="datagram">The complete payload, valid until the next call, when this fragment completed it.</param>
    /// <param name="datagramProtocol">The protocol of the completed datagram.</param>
    /// <returns>True when a datagram was completed.</returns>
    public bool TryAdd(FragmentKey key, int offset, bool moreFragments, byte protocol, ReadOnlySpan<byte> data, DateTime now, out ReadOnlySpan<byte> datagram, out byte datagramProtocol)
    {
        datagram = default;
        datagramProtocol = 0;
        _statistics.Fragments++;
        if (now - _lastSweep >= TimeSpan.FromSeconds(1) || _pending.Count >= _options.MaxDatagrams)
        {
            Expire(now);
        }

        var end = offset + data.Length;
        if (end > MaxDatagramLength)
        {
            _statistics.FragmentsDropped++;
            return false;
        }

        if (!_pending.TryGetValue(key, out var pending))
        {
            if (_pending.Count >= _options.MaxDatagrams)
            {
                _statistics.FragmentsDropped++;
                return false;
            }

            pending = new Pending(now);
            _pending.Add(key, pending);
        }

        if (!moreFragments)
        {
            if (pending.TotalLength >= 0 && pending.TotalLength != end)
            {
                // A second "last fragment" that disagrees: keep the first.
                _statistics.FragmentsDropped++;
                return false;
            }

            if (pending.MaxEnd > end)
            {
                _statistics.FragmentsDropped++;
                return false;
            }

            pending.TotalLength = end;
        }
        else if (pending.TotalLength >= 0 && end > pending.TotalLength)
        {
            _statistics.FragmentsDropped++;
            return false;
        }

        var fresh = pending.CountUncovered(offset, end);
        if (_heldBytes + fresh > _options.MaxBufferedBytes)
        {
            _statistics.FragmentsDropped++;
            return false;
        }

        if (offset == 0)
        {
            pending.Protocol = protocol;
            pending.HasFirst = true;
        }

        var overlap = pending.Add(offset, data);
        _statistics.FragmentOverlapBytes += overlap;
        _heldBytes += data.Length - overlap;
        _statistics.AddBuffered(data.Length - overlap);

        if (!pending.IsComplete)
        {
            return false;
        }

        var length = pending.TotalLength;
        pending.Buffer.AsSpan(0, length).CopyTo(_completed);
        datagramProtocol = pending.Protocol;
        Remove(key, pending);
        _statistics.ReassembledDatagrams++;
        datagram = _completed.AsSpan(0, length);
        return true;
    }

    /// <summary>Drops every incomplete datagram (end of capture), counting them as expired.</summary>
    public void Clear()
    {
        foreach (var (_, pending) in _pending)
        {
            _heldBytes -= pending.Received;
            _statistics.AddBuffered(-pending.Received);
            _statistics.FragmentDatagramsExpired++;
            pending.Release();
        }

        _pending.Clear();
    }

    private void Expire(DateTime now)
    {
        _lastSweep = now;
        foreach (var (key, pending) in _pending)
        {
            if (now - pending.FirstSeen > _options.Timeout)
            {
                _expired.Add(key);
            }
        }

        foreach (var key in _expired)
        {
            Remove(key, _pending[key]);
            _statistics.FragmentDatagramsExpired++;
        }

        _expired.Clear();
    }

    private void Remove(FragmentKey key, Pending pending)
    {
        _heldBytes -= pending.Received;
        _statistics.AddBuffered(-pending.Received);
        pending.Release();
        _pending.Remove(key);
    }

    private sealed class Pending
    {
        private readonly List<(int Start, int End)> _ranges = [];

        public Pending(DateTime firstSeen)
        {
            FirstSeen = firstSeen;
            Buffer = ArrayPool<byte>.Shared.Rent(1500);
        }

        public DateTime FirstSeen { get; }

        public byte[] Buffer { get; private set; }

        public int TotalLength { get; set; } = -1;

        public byte Protocol { get; set; }

        public bool HasFirst { get; set; }

        public int Received { get; private set; }

        public int MaxEnd => _ranges.Count == 0 ? 0 : _ranges[^1].End;

        public bool IsComplete => HasFirst && TotalLength >= 0 && _ranges.Count == 1 && _ranges[0].Start == 0 && _ranges[0].End == TotalLength;

        public int CountUncovered(int start, int end)
        {
            var covered = 0;
            foreach (var (s, e) in _ranges)
            {
                var lo = Math.Max(s, start);
                var hi = Math.Min(e, end);
                if (hi > lo)
                {
                    covered += hi - lo;
                }
            }

            return end - start - covered;
        }

        /// <summary>Copies the bytes not yet received and returns how many overlapped.</summary>
        public int Add(int start, ReadOnlySpan<byte> data)
        {
            var end = start + data.Length;
            if (Buffer.Length < end)
            {
                var grown = ArrayPool<byte>.Shared.Rent(Math.Max(end, Math.Min(Buffer.Length * 2, MaxDatagramLength)));
                Buffer.AsSpan(0, MaxEnd).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = grown;
            }

            // Copy only the holes: the first copy of every byte wins.
            var position = start;
            var overlap = 0;
            foreach (var (s, e) in _ranges)
            {
                if (e <= position)
                {
                    continue;
                }

                if (s >= end)
                {
                    break;
                }

                if (s > position)
                {
                    data[(position - start)..(s - start)].CopyTo(Buffer.AsSpan(position));
                }

                var coveredEnd = Math.Min(e, end);
                overlap += coveredEnd - Math.Max(s, position);
                position = coveredEnd;
            }

            if (position < end)
            {
                data[(position - start)..].CopyTo(Buffer.AsSpan(position));
            }

            Merge(start, end);
            Received += data.Length - overlap;
            return overlap;
        }

        public void Release()
        {
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = [];
        }

        private void Merge(int start, int end)
        {
            var i = 0;
            while (i < _ranges.Count && _ranges[i].End < start)
            {
                i++;
            }

            var newStart = start;
            var newEnd = end;
            while (i < _ranges.Count && _ranges[i].Start <= end)
            {
                newStart = Math.Min(newStart, _ranges[i].Start);
                newEnd = Math.Max(newEnd, _ranges[i].End);
                _ranges.RemoveAt(i);
            }

            _ranges.Insert(i, (newStart, newEnd));
        }
    }
}

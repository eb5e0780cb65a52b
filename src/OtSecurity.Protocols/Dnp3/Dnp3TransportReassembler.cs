namespace OtSecurity.Protocols.Dnp3;

/// <summary>What <see cref="Dnp3TransportReassembler.Add"/> did with a segment.</summary>
public enum Dnp3ReassemblyStatus
{
    /// <summary>The segment completed an application fragment (FIN), which is returned.</summary>
    Completed = 0,

    /// <summary>The segment was appended; the fragment is not complete yet.</summary>
    InProgress,

    /// <summary>A segment without FIR arrived while no fragment was being assembled; it was discarded (§8.2.2).</summary>
    DiscardedNoFirstSegment,

    /// <summary>A segment without FIR did not carry the next sequence number; it and the partial fragment were discarded (§8.2.2).</summary>
    DiscardedOutOfSequence,

    /// <summary>The fragment would exceed the configured maximum size; the partial fragment was discarded.</summary>
    DiscardedTooLarge,

    /// <summary>A segment repeated the sequence number of the previous one (a link-layer retry); it was ignored and the partial fragment kept.</summary>
    IgnoredDuplicate,
}

/// <summary>
/// Reassembles DNP3 application fragments from transport segments (IEEE 1815-2012 §8.2.2), one fragment in progress
/// per (source, destination) link address pair. FIR starts a fragment (abandoning any partial one), each following
/// segment must carry the previous sequence number plus one modulo 64, FIN completes it. Buffered bytes per pair
/// and the number of pairs are capped; the least recently used pair is evicted when a new one arrives.
/// Not thread-safe. Once buffers have grown, adding segments allocates nothing.
/// </summary>
public sealed class Dnp3TransportReassembler
{
    /// <summary>Default cap on an application fragment's size in octets.</summary>
    public const int DefaultMaxFragmentSize = 16 * 1024;

    /// <summary>Default cap on link address pairs with a fragment in progress.</summary>
    public const int DefaultMaxPairs = 32;

    private const int InitialBufferSize = 256;

    private readonly Entry[] _entries;
    private readonly int _maxFragmentSize;
    private long _clock;

    /// <summary>Creates a reassembler.</summary>
    /// <param name="maxFragmentSize">Largest fragment accepted, in octets (at least 249).</param>
    /// <param name="maxPairs">Largest number of link address pairs tracked at once (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A cap is below its minimum.</exception>
    public Dnp3TransportReassembler(int maxFragmentSize = DefaultMaxFragmentSize, int maxPairs = DefaultMaxPairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFragmentSize, Dnp3TransportSegment.MaxPayloadLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairs, 1);
        _maxFragmentSize = maxFragmentSize;
        _entries = new Entry[maxPairs];
    }

    /// <summary>Partial fragments abandoned because a new FIR segment arrived for the same pair, or the pair was evicted.</summary>
    public long AbandonedFragments { get; private set; }

    /// <summary>Number of pairs with a fragment in progress.</summary>
    public int PendingCount
    {
        get
        {
            int count = 0;
            foreach (Entry entry in _entries)
            {
                if (entry.InProgress)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Adds one transport segment.</summary>
    /// <param name="sourceAddress">Link source address of the frame that carried the segment.</param>
    /// <param name="destinationAddress">Link destination address.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="fragment">On <see cref="Dnp3ReassemblyStatus.Completed"/>, the application fragment; valid until the next call for the same pair.</param>
    /// <returns>What happened to the segment.</returns>
    public Dnp3ReassemblyStatus Add(ushort sourceAddress, ushort destinationAddress, Dnp3TransportSegment segment, out ReadOnlySpan<byte> fragment)
    {
        fragment = default;
        Dnp3TransportHeader header = segment.Header;
        int index = Find(sourceAddress, destinationAddress);
        if (header.IsFirst)
        {
            if (index < 0)
            {
                index = Allocate(sourceAddress, destinationAddress);
            }
            else if (_entries[index].InProgress)
            {
                AbandonedFragments++;
            }

            ref Entry entry = ref _entries[index];
            entry.Length = 0;
            entry.InProgress = false;
            return Append(ref entry, header, segment.Payload, out fragment);
        }

        if (index < 0 || !_entries[index].InProgress)
        {
            return Dnp3ReassemblyStatus.DiscardedNoFirstSegment;
        }

        ref Entry current = ref _entries[index];
        if (header.Sequence == current.LastSequence)
        {
            return Dnp3ReassemblyStatus.IgnoredDuplicate;
        }

        // §8.2.1.3: sequence numbers increment modulo 64.
        if (header.Sequence != ((current.LastSequence + 1) & Dnp3TransportHeader.SequenceMask))
        {
            current.InProgress = false;
            current.Length = 0;
            return Dnp3ReassemblyStatus.DiscardedOutOfSequence;
        }

        return Append(ref current, header, segment.Payload, out fragment);
    }

    /// <summary>Forgets every partial fragment.</summary>
    public void Clear()
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            _entries[i].InProgress = false;
            _entries[i].Length = 0;
            _entries[i].Used = false;
        }
    }

    private Dnp3ReassemblyStatus Append(ref Entry entry, Dnp3TransportHeader header, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> fragment)
    {
        fragment = default;
        entry.LastUse = ++_clock;
        int needed = entry.Length + payload.Length;
        if (needed > _maxFragmentSize)
        {
            entry.InProgress = false;
            entry.Length = 0;
            return Dnp3ReassemblyStatus.DiscardedTooLarge;
        }

        if (entry.Buffer is null || entry.Buffer.Length < needed)
        {
            int size = Math.Max(entry.Buffer?.Length * 2 ?? InitialBufferSize, InitialBufferSize);
            while (size < needed)
            {
                size *= 2;
            }

            var grown = new byte[Math.Min(size, Math.Max(_maxFragmentSize, needed))];
            entry.Buffer?.AsSpan(0, entry.Length).CopyTo(grown);
            entry.Buffer = grown;
        }

        payload.CopyTo(entry.Buffer.AsSpan(entry.Length));
        entry.Length = needed;
        entry.LastSequence = header.Sequence;
        if (header.IsFinal)
        {
            entry.InProgress = false;
            fragment = entry.Buffer.AsSpan(0, entry.Length);
            entry.Length = 0;
            return Dnp3ReassemblyStatus.Completed;
        }

        entry.InProgress = true;
        return Dnp3ReassemblyStatus.InProgress;
    }

    private int Find(ushort source, ushort destination)
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            ref Entry entry = ref _entries[i];
            if (entry.Used && entry.Source == source && entry.Destination == destination)
            {
                return i;
            }
        }

        return -1;
    }

    private int Allocate(ushort source, ushort destination)
    {
        int victim = 0;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (!_entries[i].Used)
            {
                victim = i;
                break;
            }

            if (_entries[i].LastUse < _entries[victim].LastUse)
            {
                victim = i;
            }
        }

        ref Entry entry = ref _entries[victim];
        if (entry.Used && entry.InProgress)
        {
            AbandonedFragments++;
        }

        entry.Used = true;
        entry.Source = source;
        entry.Destination = destination;
        entry.InProgress = false;
        entry.Length = 0;
        return victim;
    }

    private struct Entry
    {
        public bool Used;
        public bool InProgress;
        public ushort Source;
        public ushort Destination;
        public byte LastSequence;
        public int Length;
        public long LastUse;
        public byte[]? Buffer;
    }
}

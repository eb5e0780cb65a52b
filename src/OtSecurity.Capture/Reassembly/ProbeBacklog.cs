using OtSecurity.Capture.Dissection;

namespace OtSecurity.Capture.Reassembly;

/// <summary>
/// The first bytes of a flow that no port decided: kept (with the frame of each piece) while the dissectors' content
/// probes decide, then replayed in arrival order to the chosen dissector so that frame numbers stay right.
/// </summary>
internal sealed class ProbeBacklog
{
    private readonly byte[][] _probeBytes;
    private readonly int[] _probeLength = new int[2];
    private readonly bool[] _refused = new bool[2];

    public ProbeBacklog(int maxProbeBytes)
    {
        _probeBytes = [new byte[maxProbeBytes], new byte[maxProbeBytes]];
    }

    /// <summary>Every piece in arrival order; a null <see cref="Chunk.Data"/> marks a gap.</summary>
    public List<Chunk> Chunks { get; } = [];

    /// <summary>Bytes held (counted against the global cap).</summary>
    public long Bytes { get; private set; }

    /// <summary>UDP datagrams seen.</summary>
    public int Datagrams { get; set; }

    public void Add(int direction, ReadOnlySpan<byte> data, in DissectContext context)
    {
        Chunks.Add(new Chunk(direction, data.ToArray(), context));
        Bytes += data.Length;
        var room = _probeBytes[direction].Length - _probeLength[direction];
        var take = Math.Min(room, data.Length);
        data[..take].CopyTo(_probeBytes[direction].AsSpan(_probeLength[direction]));
        _probeLength[direction] += take;
    }

    public void AddGap(int direction, in DissectContext context) => Chunks.Add(new Chunk(direction, null, context));

    /// <summary>The contiguous first bytes of one direction, up to the probe limit.</summary>
    public ReadOnlySpan<byte> ProbeBytes(int direction) => _probeBytes[direction].AsSpan(0, _probeLength[direction]);

    /// <summary>True when the probe limit of that direction is reached.</summary>
    public bool IsFull(int direction) => _probeLength[direction] == _probeBytes[direction].Length;

    public bool IsRefused(int direction) => _refused[direction];

    public void Refuse(int direction) => _refused[direction] = true;

    internal readonly record struct Chunk(int Direction, byte[]? Data, DissectContext Context);
}

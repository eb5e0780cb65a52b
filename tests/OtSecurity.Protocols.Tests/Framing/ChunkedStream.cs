namespace OtSecurity.Protocols.Tests.Framing;

/// <summary>
/// A read-only stream that hands out its data in the given chunks, one chunk per read, so that a
/// <see cref="System.IO.Pipelines.PipeReader"/> over it sees exactly that segmentation (deterministically, synchronously).
/// </summary>
internal sealed class ChunkedStream : Stream
{
    private readonly Queue<byte[]> _chunks;

    public ChunkedStream(IEnumerable<byte[]> chunks) => _chunks = new Queue<byte[]>(chunks.Where(c => c.Length > 0));

    /// <summary>Splits <paramref name="data"/> at the given cut positions (taken modulo the length, sorted, deduplicated).</summary>
    public static ChunkedStream Split(byte[] data, IEnumerable<int> cuts)
    {
        int[] positions = data.Length == 0
            ? []
            : cuts.Select(c => (int)((uint)c % (uint)data.Length)).Where(c => c > 0).Distinct().Order().ToArray();
        var chunks = new List<byte[]>();
        int start = 0;
        foreach (int p in positions)
        {
            chunks.Add(data[start..p]);
            start = p;
        }

        chunks.Add(data[start..]);
        return new ChunkedStream(chunks);
    }

    public int ReadCalls { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ReadCalls++;
        if (_chunks.Count == 0)
        {
            return 0;
        }

        byte[] chunk = _chunks.Peek();
        int n = Math.Min(chunk.Length, buffer.Length);
        chunk.AsSpan(0, n).CopyTo(buffer);
        _chunks.Dequeue();
        if (n < chunk.Length)
        {
            // Give the rest on the next read.
            var rest = new Queue<byte[]>();
            rest.Enqueue(chunk[n..]);
            while (_chunks.Count > 0)
            {
                rest.Enqueue(_chunks.Dequeue());
            }

            foreach (byte[] c in rest)
            {
                _chunks.Enqueue(c);
            }
        }

        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

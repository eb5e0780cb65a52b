using System.Buffers;
using System.IO.Pipelines;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.Tests.Framing;

/// <summary>
/// Multi-segment <see cref="ReadOnlySequence{T}"/> inputs for the sequence overloads of the frame readers, and a
/// <see cref="ProtocolReader{TMessage}"/> run over a <see cref="Pipe"/> fed in chunks.
/// </summary>
internal static class Sequences
{
    /// <summary>
    /// Cuts <paramref name="bytes"/> at <paramref name="cuts"/> (each taken modulo the length + 1, sorted, duplicates
    /// kept so that empty segments occur). Every segment is a copy in its own array: a reader cannot get away with
    /// reading past the end of a segment.
    /// </summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, IEnumerable<int>? cuts)
    {
        int[] points = (cuts ?? []).Select(c => (int)((uint)c % (uint)(bytes.Length + 1))).Order().ToArray();
        var pieces = new List<byte[]>();
        int previous = 0;
        foreach (int point in points)
        {
            pieces.Add(bytes[previous..point]);
            previous = point;
        }

        pieces.Add(bytes[previous..]);
        return FromPieces(pieces);
    }

    /// <summary>One segment per octet: every field straddles segments.</summary>
    public static ReadOnlySequence<byte> PerOctet(byte[] bytes) => bytes.Length == 0
        ? ReadOnlySequence<byte>.Empty
        : FromPieces(bytes.Select(b => new[] { b }).ToList());

    /// <summary>The given pieces, each a segment.</summary>
    public static ReadOnlySequence<byte> FromPieces(IReadOnlyList<byte[]> pieces)
    {
        if (pieces.Count == 1)
        {
            return new ReadOnlySequence<byte>(pieces[0].ToArray());
        }

        var first = new Segment(pieces[0].ToArray(), null);
        Segment last = first;
        for (int i = 1; i < pieces.Count; i++)
        {
            last = new Segment(pieces[i].ToArray(), last);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Cut points from arbitrary integers, at most <paramref name="max"/> of them (FsCheck may give null).</summary>
    public static int[] Cuts(int[]? cuts, int max = 64) => (cuts ?? []).Take(max).ToArray();

    /// <summary>
    /// Writes <paramref name="stream"/> to a pipe in chunks cut at <paramref name="cuts"/>, then reads it with a
    /// <see cref="ProtocolReader{TMessage}"/> and returns each message's bytes, the last result and the reader. The
    /// pipe's buffer segments are small (16 octets from the shared array pool), so messages span segments.
    /// </summary>
    public static async Task<(List<byte[]> Messages, ProtocolReadResult<T> Last, ProtocolReader<T> Loop)> ReadAllAsync<T>(
        IMessageReader<T> reader, Func<T, byte[]> bytes, byte[] stream, int[]? cuts, FramingMode mode, int maxMessageSize)
    {
        var pipe = new Pipe(new PipeOptions(pool: MemoryPool<byte>.Shared, minimumSegmentSize: 16, pauseWriterThreshold: 0));
        int[] points = (cuts ?? []).Select(c => (int)((uint)c % (uint)(stream.Length + 1))).Append(stream.Length).Distinct().Order().ToArray();
        int previous = 0;
        foreach (int point in points)
        {
            await pipe.Writer.WriteAsync(stream.AsMemory(previous, point - previous));
            previous = point;
        }

        await pipe.Writer.CompleteAsync();
        var loop = new ProtocolReader<T>(pipe.Reader, reader, new ProtocolReaderOptions { MaxMessageSize = maxMessageSize, Mode = mode });
        var result = new List<byte[]>();
        while (true)
        {
            ProtocolReadResult<T> read = await loop.ReadAsync();
            if (!read.HasMessage)
            {
                return (result, read, loop);
            }

            result.Add(bytes(read.Message));
            loop.Advance();
        }
    }

    /// <summary>
    /// Calls a message reader once, as the read loop would, except that examined starts at the input's start (the loop
    /// passes its end): a reader that does not set examined where it must is seen.
    /// </summary>
    public static (OperationStatus Status, T Message, ProtocolError Error, SequencePosition Consumed, SequencePosition Examined) ReadMessage<T>(IMessageReader<T> reader, ReadOnlySequence<byte> input)
    {
        SequencePosition consumed = input.Start;
        SequencePosition examined = input.Start;
        OperationStatus status = reader.TryReadMessage(input, ref consumed, ref examined, out T message, out ProtocolError error);
        return (status, message, error, consumed, examined);
    }

    /// <summary>
    /// Runs <paramref name="run"/> once to warm it up, then 100 times: it must return <paramref name="expected"/> each
    /// time and allocate nothing. The 100 runs are measured up to three times, so that a one-off allocation by the
    /// runtime (tiering, on-stack replacement) on this thread is not taken for one by the reader; an allocation on the
    /// read path shows in every measurement.
    /// </summary>
    public static void AssertAllocatesNothing(Func<int> run, int expected)
    {
        Assert.Equal(expected, run());
        long allocated = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            int sum = 0;
            for (int i = 0; i < 100; i++)
            {
                sum += run();
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(100 * expected, sum);
            if (allocated == 0)
            {
                break;
            }
        }

        Assert.Equal(0, allocated);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}

using System.Buffers;

namespace OtSecurity.Protocols.Framing;

/// <summary>
/// The slow path of the <see cref="ReadOnlySequence{T}"/> overloads of the frame readers: a frame that spans buffer
/// segments is copied into the caller's scratch buffer so that the span reader can view it.
/// </summary>
internal static class SequenceScratch
{
    /// <summary>Copies the first <paramref name="length"/> octets of <paramref name="source"/> into <paramref name="scratch"/>.</summary>
    /// <param name="source">The sequence (at least <paramref name="length"/> octets).</param>
    /// <param name="length">How many octets to copy.</param>
    /// <param name="scratch">The caller's buffer.</param>
    /// <param name="largestFrame">The protocol's largest frame, named in the exception message.</param>
    /// <returns>The copied octets, in <paramref name="scratch"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is shorter than <paramref name="length"/>.</exception>
    public static Span<byte> Copy(scoped in ReadOnlySequence<byte> source, int length, Span<byte> scratch, int largestFrame)
    {
        if (scratch.Length < length)
        {
            throw new ArgumentException(
                $"The scratch buffer ({scratch.Length} octets) cannot hold the {length} octets of a frame that spans buffer segments; {largestFrame} octets always suffice.",
                nameof(scratch));
        }

        Span<byte> bytes = scratch[..length];
        source.Slice(0, length).CopyTo(bytes);
        return bytes;
    }

    /// <summary>
    /// The whole of <paramref name="source"/> as one span: its first segment when it has only one, otherwise a copy in
    /// <paramref name="scratch"/>.
    /// </summary>
    /// <param name="source">The bytes of one delimited message.</param>
    /// <param name="scratch">The caller's buffer, used only when <paramref name="source"/> spans segments.</param>
    /// <param name="what">The message's name in the exception message ("packet", "chunk").</param>
    /// <returns>The octets.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static ReadOnlySpan<byte> Contiguous(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, string what)
    {
        if (source.IsSingleSegment)
        {
            return source.FirstSpan;
        }

        if (scratch.Length < source.Length)
        {
            throw new ArgumentException($"The scratch buffer must hold the {what}.", nameof(scratch));
        }

        source.CopyTo(scratch);
        return scratch[..(int)source.Length];
    }
}

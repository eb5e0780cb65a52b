using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace OtSecurity.Protocols.Tests.Framing;

/// <summary>An invalid input of a frame reader: the error and the offset both readers report, and why (the spec clause).</summary>
/// <param name="Hex">The input, as hex.</param>
/// <param name="Error">The protocol's error enum value.</param>
/// <param name="Offset">The offset the error names.</param>
/// <param name="Why">What makes it invalid, with the spec clause.</param>
public sealed record InvalidFrame(string Hex, Enum Error, int Offset, string Why)
{
    /// <summary>The input octets.</summary>
    public byte[] Bytes => Convert.FromHexString(Hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"[{Hex}] ({Error}: {Why})";
}

/// <summary>
/// The contract of the <see cref="ReadOnlySequence{T}"/> overload of a frame reader with its span reader: the same
/// outcome for any segmentation (one-octet segments, arbitrary cuts, every prefix), NeedMoreData for a strict prefix,
/// InvalidData with the same error for invalid input, nothing consumed on failure, a frame within the first segment
/// viewed in place, a spanning frame copied into the scratch buffer (which must hold it) and no allocation. xUnit runs
/// these tests in every concrete subclass; a subclass supplies its protocol's reader, vectors and generators.
/// </summary>
/// <typeparam name="TFrame">The reader's frame view.</typeparam>
public abstract class SequenceOverloadContract<TFrame>
    where TFrame : allows ref struct
{
    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>Valid frames (hex), each read whole by both readers.</summary>
    protected abstract IReadOnlyList<string> ValidFrames { get; }

    /// <summary>Invalid inputs: each reader returns InvalidData with this error and offset.</summary>
    protected abstract IReadOnlyList<InvalidFrame> InvalidFrames { get; }

    /// <summary>The protocol's largest frame: a scratch buffer of this length always suffices.</summary>
    protected abstract int MaxFrameLength { get; }

    /// <summary>Two octets that start another frame, put after a frame to show that the reader stops at its end.</summary>
    protected abstract byte[] NextFrameStart { get; }

    /// <summary>Encoded valid frames of every kind, from the protocol's writers.</summary>
    protected abstract Gen<byte[]> ValidFrameGen { get; }

    /// <summary>The span reader.</summary>
    protected abstract OperationStatus TryRead(ReadOnlySpan<byte> source, out TFrame frame, out int consumed, out ProtocolError error);

    /// <summary>The sequence reader.</summary>
    protected abstract OperationStatus TryRead(in ReadOnlySequence<byte> source, Span<byte> scratch, out TFrame frame, out int consumed, out ProtocolError error);

    /// <summary>What the frame reads as (fields and bytes), to compare the two readers.</summary>
    protected abstract string Describe(OperationStatus status, in TFrame frame);

    /// <summary>Octets the frame views in its input (empty when the frame has none).</summary>
    protected abstract ReadOnlySpan<byte> View(in TFrame frame);

    /// <summary>A number read from the frame, so that the allocation test reads more than the length.</summary>
    protected abstract int Measure(in TFrame frame);

    /// <summary>Shapes arbitrary octets so that they mostly reach past the header checks (a start pattern, a fitting length).</summary>
    /// <param name="bytes">Arbitrary octets (never null).</param>
    /// <param name="knob">An arbitrary octet the protocol uses as it likes.</param>
    protected abstract byte[] ShapeArbitrary(byte[] bytes, byte knob);

    /// <summary>True when the frame is the default value the readers return on failure.</summary>
    protected virtual bool IsDefault(in TFrame frame) => View(frame).IsEmpty;

    /// <summary>The span reader's outcome.</summary>
    protected string ReadSpan(byte[] bytes)
    {
        OperationStatus status = TryRead(bytes, out TFrame frame, out int consumed, out ProtocolError error);
        return $"{status} consumed={consumed} error=[{error}] {Describe(status, frame)}";
    }

    /// <summary>The sequence reader's outcome, with a scratch buffer of <see cref="MaxFrameLength"/>.</summary>
    protected string ReadSequence(ReadOnlySequence<byte> source)
    {
        var scratch = new byte[MaxFrameLength];
        OperationStatus status = TryRead(source, scratch, out TFrame frame, out int consumed, out ProtocolError error);
        return $"{status} consumed={consumed} error=[{error}] {Describe(status, frame)}";
    }

    [Fact]
    public void TryRead_SequenceOfOneOctetSegments_ReadsTheSameFrameAsTheSpan()
    {
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = [.. Bytes(hex), .. NextFrameStart];
            string expected = ReadSpan(bytes);
            Assert.True(expected.StartsWith("Done", StringComparison.Ordinal), $"[{hex}] reads as {expected}");
            Assert.True(expected == ReadSequence(Sequences.PerOctet(bytes)), $"[{hex}] in one-octet segments reads as {ReadSequence(Sequences.PerOctet(bytes))}, the span as {expected}");
        }
    }

    [Fact]
    public void TryRead_SequenceStrictPrefix_ReturnsNeedMoreDataAndConsumesNothing()
    {
        var scratch = new byte[MaxFrameLength];
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            for (int length = 0; length < bytes.Length; length++)
            {
                string where = $"[{hex}] cut to {length} octets";
                ReadOnlySequence<byte> source = Sequences.PerOctet(bytes[..length]);
                OperationStatus status = TryRead(source, scratch, out TFrame frame, out int consumed, out ProtocolError error);
                Assert.True(status == OperationStatus.NeedMoreData, $"{where}: {status}");
                Assert.True(consumed == 0, $"{where}: consumed {consumed}");
                Assert.True(error == default, $"{where}: {error}");
                Assert.True(IsDefault(frame), $"{where}: the frame is not the default");
                Assert.True(ReadSpan(bytes[..length]) == ReadSequence(source), $"{where}: the span reads as {ReadSpan(bytes[..length])}");
            }
        }
    }

    [Fact]
    public void TryRead_SequenceInvalid_MatchesTheSpanAndConsumesNothing()
    {
        var scratch = new byte[MaxFrameLength];
        foreach (InvalidFrame invalid in InvalidFrames)
        {
            byte[] bytes = invalid.Bytes;
            OperationStatus status = TryRead(Sequences.PerOctet(bytes), scratch, out TFrame frame, out int consumed, out ProtocolError error);
            Assert.True(status == OperationStatus.InvalidData, $"{invalid}: {status}");
            Assert.True(consumed == 0, $"{invalid}: consumed {consumed}");
            Assert.True(IsDefault(frame), $"{invalid}: the frame is not the default");
            Assert.True(error.Code == Convert.ToInt32(invalid.Error, System.Globalization.CultureInfo.InvariantCulture), $"{invalid}: {error}");
            Assert.True(error.Offset == invalid.Offset, $"{invalid}: {error}");
            Assert.True(ReadSpan(bytes) == ReadSequence(Sequences.PerOctet(bytes)), $"{invalid}: the span reads as {ReadSpan(bytes)}, the sequence as {ReadSequence(Sequences.PerOctet(bytes))}");
            for (int cut = 1; cut < bytes.Length; cut++)
            {
                ReadOnlySequence<byte> twoSegments = Sequences.FromPieces([bytes[..cut], bytes[cut..]]);
                Assert.True(ReadSpan(bytes) == ReadSequence(twoSegments), $"{invalid} cut at {cut}: the span reads as {ReadSpan(bytes)}, the sequence as {ReadSequence(twoSegments)}");
            }
        }
    }

    [Fact]
    public void TryRead_SequenceFrameWithinFirstSegment_ViewsItInPlace()
    {
        int viewed = 0;
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            ReadOnlySequence<byte> source = Sequences.FromPieces([[.. bytes, NextFrameStart[0]], NextFrameStart[1..]]);
            Assert.False(source.IsSingleSegment);

            // No scratch at all: the frame lies in the first segment and is not copied.
            OperationStatus status = TryRead(source, [], out TFrame frame, out int consumed, out _);
            Assert.True(status == OperationStatus.Done, $"[{hex}]: {status}");
            Assert.True(consumed == bytes.Length, $"[{hex}]: consumed {consumed}");
            Assert.True(View(frame).IsEmpty || View(frame).Overlaps(source.First.Span), $"[{hex}]: the frame does not view the first segment");
            viewed += View(frame).IsEmpty ? 0 : 1;
        }

        Assert.True(viewed > 0, "no valid frame views any octets");
    }

    [Fact]
    public void TryRead_SequenceFrameSpanningSegments_IsCopiedToScratch_WhichMustHoldIt()
    {
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            string expected = ReadSpan(bytes);
            for (int cut = 1; cut < bytes.Length; cut++)
            {
                string where = $"[{hex}] cut at {cut}";
                ReadOnlySequence<byte> source = Sequences.FromPieces([bytes[..cut], bytes[cut..]]);
                ArgumentException thrown = Assert.Throws<ArgumentException>(() => TryRead(source, new byte[bytes.Length - 1], out _, out _, out _));
                Assert.True(thrown.ParamName == "scratch", $"{where}: {thrown.ParamName}");

                var scratch = new byte[bytes.Length];
                OperationStatus status = TryRead(source, scratch, out TFrame frame, out int consumed, out ProtocolError error);
                Assert.True(status == OperationStatus.Done && consumed == bytes.Length, $"{where}: {status}, consumed {consumed}");
                Assert.True(View(frame).IsEmpty || View(frame).Overlaps(scratch), $"{where}: the frame does not view the scratch buffer");
                Assert.True(expected == $"{status} consumed={consumed} error=[{error}] {Describe(status, frame)}", $"{where}: differs from the span, {expected}");
            }
        }
    }

    [Fact]
    public void TryRead_Sequence_WarmedUp_AllocatesNothing()
    {
        // Each valid frame in one segment, within the first of two segments, and in one-octet segments (copied).
        var sources = new List<ReadOnlySequence<byte>>();
        int expected = 0;
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            sources.Add(new ReadOnlySequence<byte>(bytes));
            sources.Add(Sequences.FromPieces([[.. bytes, NextFrameStart[0]], NextFrameStart[1..]]));
            sources.Add(Sequences.PerOctet(bytes));
            Assert.Equal(OperationStatus.Done, TryRead(bytes, out TFrame frame, out int consumed, out _));
            expected += 3 * (consumed + Measure(frame));
        }

        var scratch = new byte[MaxFrameLength];
        int Run()
        {
            int total = 0;
            foreach (ReadOnlySequence<byte> source in sources)
            {
                TryRead(source, scratch, out TFrame frame, out int consumed, out _);
                total += consumed + Measure(frame);
            }

            return total;
        }

        Sequences.AssertAllocatesNothing(Run, expected);
    }

    [Property(MaxTest = 200)]
    public Property TryRead_SequenceCutAnywhere_EveryPrefixMatchesTheSpan(byte[] trailing, int[] cuts, int corruptAt, byte xor) =>
        Prop.ForAll(ValidFrameGen.ToArbitrary(), frame =>
        {
            // A valid frame (Done), each strict prefix (NeedMoreData) and, when xor is not 0, one corrupted octet (InvalidData mostly).
            byte[] bytes = [.. frame, .. (trailing ?? []).Take(20)];
            bytes[(int)((uint)corruptAt % (uint)bytes.Length)] ^= xor;
            int[] points = Sequences.Cuts(cuts, 16);
            for (int length = 0; length <= bytes.Length; length++)
            {
                byte[] prefix = bytes[..length];
                if (ReadSpan(prefix) != ReadSequence(Sequences.Split(prefix, points)))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 1000)]
    public bool TryRead_SequenceOfArbitraryBytes_MatchesTheSpan(byte[] bytes, byte knob, int[] cuts)
    {
        byte[] input = ShapeArbitrary(bytes ?? [], knob);
        return ReadSpan(input) == ReadSequence(Sequences.Split(input, Sequences.Cuts(cuts)));
    }
}

using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.Tests.Framing;

/// <summary>
/// The <see cref="SequenceOverloadContract{TFrame}"/> of a stream protocol's frame reader and the contract of its
/// <see cref="IMessageReader{TMessage}"/>: it delimits each valid frame (in one-octet segments), needs more data and
/// examines all on every strict prefix, consumes nothing on invalid input, and on a <see cref="ProtocolReader{TMessage}"/>
/// over a pipe fed in arbitrary chunks yields the frames that were written.
/// </summary>
/// <typeparam name="TFrame">The reader's frame view.</typeparam>
/// <typeparam name="TMessage">The message reader's message.</typeparam>
public abstract class MessageReaderContract<TFrame, TMessage> : SequenceOverloadContract<TFrame>
    where TFrame : allows ref struct
{
    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>
    /// How a stream is read on the pipe: <see cref="FramingMode.Passive"/> when the protocol has a start pattern (the
    /// stream then begins with two octets of garbage, which are skipped), otherwise <see cref="FramingMode.Active"/>.
    /// </summary>
    protected abstract FramingMode PipeMode { get; }

    /// <summary>A new message reader.</summary>
    protected abstract IMessageReader<TMessage> CreateReader();

    /// <summary>The message's octets (in the pipe's buffer).</summary>
    protected abstract ReadOnlySequence<byte> MessageBytes(TMessage message);

    /// <summary>Reads the message's frame.</summary>
    protected abstract bool TryRead(TMessage message, Span<byte> scratch, out TFrame frame);

    [Fact]
    public void MessageReader_FrameInOneOctetSegments_IsDelimitedAndReadable()
    {
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            ReadOnlySequence<byte> input = Sequences.PerOctet([.. bytes, NextFrameStart[0]]);
            var (status, message, error, consumed, examined) = Sequences.ReadMessage(CreateReader(), input);
            Assert.True(status == OperationStatus.Done, $"[{hex}]: {status} {error}");
            Assert.True(input.GetPosition(bytes.Length).Equals(consumed), $"[{hex}]: consumed is not after the frame");
            Assert.True(consumed.Equals(examined), $"[{hex}]: examined is not consumed");
            Assert.True(MessageBytes(message).ToArray().AsSpan().SequenceEqual(bytes), $"[{hex}]: the message holds other octets");
            Assert.True(TryRead(message, new byte[MaxFrameLength], out TFrame frame), $"[{hex}]: the message does not read");
            string expected = ReadSpan(bytes);
            Assert.True(expected == $"Done consumed={bytes.Length} error=[no error] {Describe(OperationStatus.Done, frame)}", $"[{hex}]: the message reads otherwise than the span, {expected}");
        }
    }

    [Fact]
    public void MessageReader_Prefix_NeedsMoreDataAndExaminesAll()
    {
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            for (int length = 0; length < bytes.Length; length++)
            {
                ReadOnlySequence<byte> input = Sequences.PerOctet(bytes[..length]);
                var (status, _, _, consumed, examined) = Sequences.ReadMessage(CreateReader(), input);
                Assert.True(status == OperationStatus.NeedMoreData, $"[{hex}] cut to {length} octets: {status}");
                Assert.True(input.Start.Equals(consumed), $"[{hex}] cut to {length} octets: consumed something");
                Assert.True(input.End.Equals(examined), $"[{hex}] cut to {length} octets: did not examine all");
            }
        }
    }

    [Fact]
    public void MessageReader_Invalid_ConsumesNothing()
    {
        // Both when the frame spans segments and when it lies in one segment.
        foreach (InvalidFrame invalid in InvalidFrames)
        {
            byte[] bytes = invalid.Bytes;
            foreach (ReadOnlySequence<byte> input in new[] { Sequences.PerOctet(bytes), new ReadOnlySequence<byte>(bytes) })
            {
                string where = $"{invalid} in {(input.IsSingleSegment ? "one segment" : "one-octet segments")}";
                var (status, message, error, consumed, _) = Sequences.ReadMessage(CreateReader(), input);
                Assert.True(status == OperationStatus.InvalidData, $"{where}: {status}");
                Assert.True(input.Start.Equals(consumed), $"{where}: consumed something");
                Assert.True(error.Code == Convert.ToInt32(invalid.Error, System.Globalization.CultureInfo.InvariantCulture), $"{where}: {error}");
                Assert.True(error.Offset == invalid.Offset, $"{where}: {error}");
                Assert.True(MessageBytes(message).IsEmpty, $"{where}: the message is not empty");
            }
        }
    }

    [Fact]
    public void MessageReader_WarmedUp_AllocatesNothing()
    {
        // Each valid frame in one segment and in one-octet segments.
        IMessageReader<TMessage> reader = CreateReader();
        var inputs = new List<ReadOnlySequence<byte>>();
        int expected = 0;
        foreach (string hex in ValidFrames)
        {
            byte[] bytes = Bytes(hex);
            inputs.Add(new ReadOnlySequence<byte>(bytes));
            inputs.Add(Sequences.PerOctet(bytes));
            expected += 2 * bytes.Length;
        }

        int Run()
        {
            int total = 0;
            foreach (ReadOnlySequence<byte> input in inputs)
            {
                SequencePosition consumed = input.Start;
                SequencePosition examined = input.End;
                if (reader.TryReadMessage(input, ref consumed, ref examined, out TMessage message, out _) == OperationStatus.Done)
                {
                    total += (int)MessageBytes(message).Length;
                }
            }

            return total;
        }

        Sequences.AssertAllocatesNothing(Run, expected);
    }

    [Property(MaxTest = 50)]
    public Property MessageReader_OnAPipe_ArbitrarySegmentation_YieldsTheSameFrames(int[] cuts) =>
        Prop.ForAll(Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(ValidFrameGen, n)).ToArbitrary(), frames =>
        {
            // Passive: two octets of garbage first, skipped while looking for the start pattern. Active: read in step from
            // the start, as an endpoint does (a protocol with no start pattern cannot resynchronize).
            byte[] garbage = PipeMode == FramingMode.Passive ? "xx"u8.ToArray() : [];
            byte[] stream = [.. garbage, .. frames.SelectMany(f => f)];
            var (read, last, loop) = Sequences.ReadAllAsync(CreateReader(), m => MessageBytes(m).ToArray(), stream, cuts, PipeMode, MaxFrameLength)
                .GetAwaiter().GetResult();
            return read.Count == frames.Length && read.Zip(frames).All(p => p.First.AsSpan().SequenceEqual(p.Second))
                && last.IsCompleted && !last.IsFaulted && last.LeftoverBytes == 0 && loop.BytesSkipped == garbage.Length;
        });
}

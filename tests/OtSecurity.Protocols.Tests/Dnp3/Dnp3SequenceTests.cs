using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.Dnp3;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Dnp3;

/// <summary>The <see cref="ReadOnlySequence{T}"/> overload of the link frame reader and <see cref="Dnp3LinkMessageReader"/> on <see cref="ProtocolReader{TMessage}"/>.</summary>
[Properties(Arbitrary = [typeof(Dnp3Arbitraries)])]
public class Dnp3SequenceTests
{
    // zeek dnp3_link_only.pcap frame 1: REQUEST_LINK_STATUS from 1 to 100, header only.
    private const string RequestLinkStatus = "05 64 05 49 64 00 01 00 7E 5F";

    // zeek dnp3_link_only.pcap frame 7: UNCONFIRMED_USER_DATA from master 100 to 1, READ class 0 (one user data block).
    private const string ReadClass0 = "05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83 F4";

    // zeek dnp3.pcap frame 4: unsolicited response, user data block CRC 4F BD.
    private const string Unsolicited = "05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BD";

    private static string Outcome(OperationStatus status, int consumed, ProtocolError error, in Dnp3LinkFrame frame) =>
        $"{status} consumed={consumed} error=[{error}] header=[{frame.Header}] bytes={Convert.ToHexString(frame.EncodedBytes)}";

    private static string ReadSpan(byte[] bytes)
    {
        OperationStatus status = Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, frame);
    }

    private static string ReadSequence(ReadOnlySequence<byte> source)
    {
        var scratch = new byte[Dnp3LinkFrame.MaxEncodedLength];
        OperationStatus status = Dnp3LinkFrame.TryRead(source, scratch, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, frame);
    }

    /// <summary>A 292-octet frame: LENGTH 255, 15 full user data blocks and one of 10 octets.</summary>
    private static byte[] LargestFrame()
    {
        byte[] user = Enumerable.Range(0, Dnp3LinkFrame.MaxUserDataLength).Select(i => (byte)(i * 7)).ToArray();
        var buffer = new byte[Dnp3LinkFrame.MaxEncodedLength];
        Dnp3LinkFrame.TryWrite(0x44, 3, 4, user, buffer, out _);
        return buffer;
    }

    public static TheoryData<string> Frames => new() { RequestLinkStatus, ReadClass0, Unsolicited, Convert.ToHexString(LargestFrame()) };

    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_SequenceOfOneOctetSegments_ReadsTheSameFrameAsTheSpan(string hex)
    {
        byte[] bytes = [.. Dnp3Hex.Bytes(hex), 0x05, 0x64];
        string expected = ReadSpan(bytes);
        Assert.StartsWith("Done", expected, StringComparison.Ordinal);
        Assert.Equal(expected, ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_SequenceStrictPrefix_ReturnsNeedMoreDataAndConsumesNothing(string hex)
    {
        byte[] bytes = Dnp3Hex.Bytes(hex);
        var scratch = new byte[Dnp3LinkFrame.MaxEncodedLength];
        for (int length = 0; length < bytes.Length; length++)
        {
            ReadOnlySequence<byte> source = Sequences.PerOctet(bytes[..length]);
            Assert.Equal(OperationStatus.NeedMoreData, Dnp3LinkFrame.TryRead(source, scratch, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error));
            Assert.Equal(0, consumed);
            Assert.False(error.IsError);
            Assert.True(frame.EncodedBytes.IsEmpty);
        }
    }

    [Theory]
    [InlineData("05 65 05 49 64 00 01 00 7E 5F", Dnp3Error.InvalidStartOctets, 1)] // §9.2.4.1.1: second start octet is 0x64
    [InlineData("05 64 04 49 64 00 01 00 7E 5F", Dnp3Error.LengthTooSmall, 2)] // §9.2.4.1.2: LENGTH is at least 5
    [InlineData("05 64 05 49 64 00 01 00 7E 5E", Dnp3Error.HeaderCrcMismatch, 8)] // §9.2.4.1.6: header CRC off by one
    [InlineData("05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BE", Dnp3Error.DataCrcMismatch, 15)] // §9.2.4.2: block CRC off by one
    [InlineData("05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83", Dnp3Error.None, 0)] // a strict prefix: the block CRC is cut
    public void TryRead_SequenceInvalidOrTruncated_MatchesTheSpanAndConsumesNothing(string hex, Dnp3Error expected, int offset)
    {
        byte[] bytes = Dnp3Hex.Bytes(hex);
        var scratch = new byte[Dnp3LinkFrame.MaxEncodedLength];
        OperationStatus status = Dnp3LinkFrame.TryRead(Sequences.PerOctet(bytes), scratch, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error);
        Assert.Equal(expected == Dnp3Error.None ? OperationStatus.NeedMoreData : OperationStatus.InvalidData, status);
        Assert.Equal(0, consumed);
        Assert.True(frame.EncodedBytes.IsEmpty);
        Assert.Equal(expected == Dnp3Error.None ? 0 : (int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(ReadSpan(bytes), ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Fact]
    public void TryRead_SequenceFrameWithinFirstSegment_ViewsItInPlace()
    {
        byte[] frameBytes = Dnp3Hex.Bytes(ReadClass0);
        ReadOnlySequence<byte> source = Sequences.FromPieces([[.. frameBytes, 0x05], [0x64, 0x05]]);
        Assert.False(source.IsSingleSegment);

        // No scratch at all: the frame lies in the first segment and is not copied.
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(source, [], out Dnp3LinkFrame frame, out int consumed));
        Assert.Equal(frameBytes.Length, consumed);
        Assert.True(frame.EncodedBytes.Overlaps(source.First.Span));
    }

    [Fact]
    public void TryRead_SequenceFrameSpanningSegments_IsCopiedToScratch()
    {
        byte[] frameBytes = Dnp3Hex.Bytes(ReadClass0);
        ReadOnlySequence<byte> source = Sequences.FromPieces([frameBytes[..11], frameBytes[11..]]);
        var scratch = new byte[Dnp3LinkFrame.MaxEncodedLength];
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(source, scratch, out Dnp3LinkFrame frame, out int consumed));
        Assert.Equal(frameBytes.Length, consumed);
        Assert.True(frame.EncodedBytes.Overlaps(scratch));
        Assert.Equal(frameBytes, frame.EncodedBytes.ToArray());
    }

    [Fact]
    public void TryRead_SequenceFrameSpanningSegments_ScratchTooSmall_Throws()
    {
        byte[] frameBytes = Dnp3Hex.Bytes(ReadClass0);
        ReadOnlySequence<byte> source = Sequences.FromPieces([frameBytes[..11], frameBytes[11..]]);
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => Dnp3LinkFrame.TryRead(source, new byte[17], out _, out _));
        Assert.Equal("scratch", thrown.ParamName);
    }

    [Fact]
    public void TryRead_Sequence_WarmedUp_AllocatesNothing()
    {
        byte[] frameBytes = Dnp3Hex.Bytes(ReadClass0);
        var single = new ReadOnlySequence<byte>(frameBytes);
        ReadOnlySequence<byte> withinFirst = Sequences.FromPieces([[.. frameBytes, 0x05], [0x64]]);
        ReadOnlySequence<byte> spanning = Sequences.PerOctet(frameBytes);
        int Run()
        {
            Span<byte> scratch = stackalloc byte[Dnp3LinkFrame.MaxEncodedLength];
            int total = 0;
            Dnp3LinkFrame.TryRead(single, [], out Dnp3LinkFrame frame, out int consumed);
            total += consumed + frame.UserDataLength;
            Dnp3LinkFrame.TryRead(withinFirst, [], out frame, out consumed);
            total += consumed + frame.UserDataLength;
            Dnp3LinkFrame.TryRead(spanning, scratch, out Dnp3LinkFrame copied, out consumed);
            return total + consumed + copied.UserDataLength;
        }

        Assert.Equal(72, Run());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(7200, sum);
    }

    [Property]
    public bool TryRead_SequenceCutAnywhere_EveryPrefixMatchesTheSpan(LinkFrameSpec spec, byte[] trailing, int[] cuts, int corruptAt, byte xor)
    {
        // A valid frame (Done), each strict prefix (NeedMoreData) and, when xor is not 0, one corrupted octet (InvalidData mostly).
        byte[] bytes = [.. spec.Encode(), .. (trailing ?? []).Take(20)];
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
    }

    [Property(MaxTest = 1000)]
    public bool TryRead_SequenceOfArbitraryBytes_MatchesTheSpan(byte[] bytes, bool withStartOctets, int[] cuts)
    {
        bytes = withStartOctets ? [0x05, 0x64, .. bytes ?? []] : bytes ?? [];
        return ReadSpan(bytes) == ReadSequence(Sequences.Split(bytes, Sequences.Cuts(cuts)));
    }

    [Fact]
    public void MessageReader_FrameInOneOctetSegments_IsDelimitedAndReadable()
    {
        byte[] bytes = Dnp3Hex.Bytes(ReadClass0);
        ReadOnlySequence<byte> input = Sequences.PerOctet([.. bytes, 0x05]);
        var (status, message, _, consumed, examined) = Sequences.ReadMessage(new Dnp3LinkMessageReader(), input);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(input.GetPosition(bytes.Length), consumed);
        Assert.Equal(consumed, examined);
        Assert.Equal(100, message.Header.SourceAddress);
        Assert.Equal(1, message.Header.DestinationAddress);
        Assert.Equal(bytes, message.Frame.ToArray());
        Assert.True(message.TryRead(new byte[Dnp3LinkFrame.MaxEncodedLength], out Dnp3LinkFrame frame));
        Span<byte> user = stackalloc byte[frame.UserDataLength];
        frame.CopyUserData(user);
        Assert.Equal(Dnp3Hex.Bytes("C4 C7 01 3C 01 06"), user.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("05")]
    [InlineData("05 64 0B C4 01 00 64 00 44")]
    [InlineData("05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83")]
    public void MessageReader_Prefix_NeedsMoreDataAndExaminesAll(string hex)
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Dnp3Hex.Bytes(hex));
        var (status, _, _, consumed, examined) = Sequences.ReadMessage(new Dnp3LinkMessageReader(), input);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(input.Start, consumed);
        Assert.Equal(input.End, examined);
    }

    [Theory]
    [InlineData("06 64 05", Dnp3Error.InvalidStartOctets)]
    [InlineData("05 64 05 49 64 00 01 00 7E 5E", Dnp3Error.HeaderCrcMismatch)]
    [InlineData("05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BE", Dnp3Error.DataCrcMismatch)]
    public void MessageReader_Invalid_ConsumesNothing(string hex, Dnp3Error expected)
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Dnp3Hex.Bytes(hex));
        var (status, message, error, consumed, _) = Sequences.ReadMessage(new Dnp3LinkMessageReader(), input);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(input.Start, consumed);
        Assert.Equal((int)expected, error.Code);
        Assert.True(message.Frame.IsEmpty);
    }

    [Property(MaxTest = 50)]
    public bool MessageReader_OnAPipe_ArbitrarySegmentation_YieldsTheSameFrames(LinkStreamSpec spec, int[] cuts)
    {
        byte[][] frames = spec.Frames.Select(f => f.Encode()).ToArray();
        byte[] stream = [.. "xx"u8, .. frames.SelectMany(f => f)];
        var (read, last, loop) = Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m => m.Frame.ToArray(), stream, cuts, FramingMode.Passive, Dnp3LinkFrame.MaxEncodedLength)
            .GetAwaiter().GetResult();
        return read.Count == frames.Length && read.Zip(frames).All(p => p.First.AsSpan().SequenceEqual(p.Second))
            && last.IsCompleted && last.LeftoverBytes == 0 && loop.BytesSkipped == 2;
    }

    [Fact]
    public async Task MessageReader_OnAPipe_FramesSpanningSegments_AreRead()
    {
        // The harness's pipe has small segments: the 292-octet frame cannot lie in one, so the copy path is taken.
        byte[] large = LargestFrame();
        byte[] small = Dnp3Hex.Bytes(ReadClass0);
        var spanned = new List<bool>();
        var (read, last, _) = await Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m =>
        {
            spanned.Add(!m.Frame.IsSingleSegment);
            Assert.True(m.TryRead(new byte[Dnp3LinkFrame.MaxEncodedLength], out Dnp3LinkFrame frame));
            return frame.EncodedBytes.ToArray();
        }, [.. small, .. large, .. small], [7, 100], FramingMode.Active, Dnp3LinkFrame.MaxEncodedLength);
        Assert.Equal([small, large, small], read);
        Assert.True(spanned[1]);
        Assert.True(last.IsCompleted);
    }

    [Fact]
    public async Task MessageReader_CorruptFrame_PassiveSkipsIt_ActiveStops()
    {
        byte[] good = Dnp3Hex.Bytes(ReadClass0);
        byte[] corrupt = Dnp3Hex.Bytes("05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BE");
        byte[] stream = [.. good, .. corrupt, .. good];

        var (passive, passiveLast, passiveLoop) = await Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m => m.Frame.ToArray(), stream, [5, 20, 30], FramingMode.Passive, Dnp3LinkFrame.MaxEncodedLength);
        Assert.Equal([good, good], passive);
        Assert.True(passiveLast.IsCompleted);
        Assert.Equal(corrupt.Length, passiveLoop.BytesSkipped);
        Assert.Equal(1, passiveLoop.Resynchronizations);

        var (active, activeLast, _) = await Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m => m.Frame.ToArray(), stream, [5, 20, 30], FramingMode.Active, Dnp3LinkFrame.MaxEncodedLength);
        Assert.Equal([good], active);
        Assert.True(activeLast.IsFaulted);
        Assert.Equal((int)Dnp3Error.DataCrcMismatch, activeLast.Error.Code);
    }
}

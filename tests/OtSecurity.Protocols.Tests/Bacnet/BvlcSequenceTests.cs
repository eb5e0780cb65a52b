using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.Bacnet;
using OtSecurity.Protocols.Tests.Framing;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

/// <summary>The <see cref="ReadOnlySequence{T}"/> overload of the BVLC reader.</summary>
public class BvlcSequenceTests
{
    // Annex J.2.6: Register-Foreign-Device, TTL 60000 s (bacnet-array-elements frame 1).
    private const string RegisterForeignDevice = "81 05 0006 ea60";

    // Annex J.2.3: Read-Broadcast-Distribution-Table, the header alone (iti-bacnet-test frame 21).
    private const string ReadBdt = "81 02 0004";

    // Annex J.2.5: Forwarded-NPDU from 10.0.218.174:47808 carrying an NPDU.
    private const string ForwardedNpdu = "81 04 0018 0a00daae bac0 0120ffff00ff 1008 0a3039 1a3039";

    // Annex J.2.8: Read-Foreign-Device-Table-Ack with one entry.
    private const string ReadFdtAck = "81 07 000e 0a000009bac0 003c 005a";

    private static string Outcome(OperationStatus status, int consumed, ProtocolError error, in BvlcFrame frame) =>
        $"{status} consumed={consumed} error=[{error}] function={frame.Function} body={Convert.ToHexString(frame.Body)}";

    private static string ReadSpan(byte[] bytes)
    {
        OperationStatus status = Bvlc.TryRead(bytes, out BvlcFrame frame, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, frame);
    }

    private static string ReadSequence(ReadOnlySequence<byte> source)
    {
        var scratch = new byte[Bvlc.MaximumLength];
        OperationStatus status = Bvlc.TryRead(source, scratch, out BvlcFrame frame, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, frame);
    }

    [Theory]
    [InlineData(RegisterForeignDevice)]
    [InlineData(ReadBdt)]
    [InlineData(ForwardedNpdu)]
    [InlineData(ReadFdtAck)]
    public void TryRead_SequenceOfOneOctetSegments_ReadsTheSameMessageAsTheSpan(string hex)
    {
        byte[] bytes = [.. Bytes(hex), 0x81, 0x0a];
        string expected = ReadSpan(bytes);
        Assert.StartsWith("Done", expected, StringComparison.Ordinal);
        Assert.Equal(expected, ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Theory]
    [InlineData(RegisterForeignDevice)]
    [InlineData(ForwardedNpdu)]
    public void TryRead_SequenceStrictPrefix_ReturnsNeedMoreDataAndConsumesNothing(string hex)
    {
        byte[] bytes = Bytes(hex);
        var scratch = new byte[Bvlc.MaximumLength];
        for (int length = 0; length < bytes.Length; length++)
        {
            ReadOnlySequence<byte> source = Sequences.PerOctet(bytes[..length]);
            Assert.Equal(OperationStatus.NeedMoreData, Bvlc.TryRead(source, scratch, out BvlcFrame frame, out int consumed, out ProtocolError error));
            Assert.Equal(0, consumed);
            Assert.False(error.IsError);
            Assert.True(frame.Body.IsEmpty);
        }
    }

    [Theory]
    [InlineData("82 0a 0006 0100", BacnetError.BvlcTypeInvalid, 0)] // Annex J.2: not BACnet/IP
    [InlineData("81 0d 0004", BacnetError.BvlcFunctionUnknown, 1)] // 0x0D is not defined
    [InlineData("81 00 0008 00000000", BacnetError.BvlcLengthInvalid, 2)] // J.2.1: BVLC-Result is always 6 octets
    [InlineData("81 03 0007 000000", BacnetError.BvlcTableLengthInvalid, 2)] // J.2.2: 3 octets is not a 10-octet entry
    [InlineData("81 0a 0005 01", BacnetError.BvlcLengthTooSmall, 2)] // J.2.11: an NPDU needs version and control
    public void TryRead_SequenceInvalid_MatchesTheSpanAndConsumesNothing(string hex, BacnetError expected, int offset)
    {
        byte[] bytes = Bytes(hex);
        var scratch = new byte[Bvlc.MaximumLength];
        Assert.Equal(OperationStatus.InvalidData, Bvlc.TryRead(Sequences.PerOctet(bytes), scratch, out BvlcFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.True(frame.Body.IsEmpty);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(ReadSpan(bytes), ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Fact]
    public void TryRead_SequenceMessageWithinFirstSegment_ViewsItInPlace()
    {
        byte[] bytes = Bytes(ForwardedNpdu);
        ReadOnlySequence<byte> source = Sequences.FromPieces([[.. bytes, 0x81], [0x0a]]);
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(source, [], out BvlcFrame frame, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        Assert.True(frame.Body.Overlaps(source.First.Span));
        Assert.Equal(new BacnetIpEndpoint(0x0a00daae, 47808), frame.OriginatingAddress);
    }

    [Fact]
    public void TryRead_SequenceMessageSpanningSegments_ScratchTooSmall_Throws()
    {
        byte[] bytes = Bytes(ForwardedNpdu);
        ReadOnlySequence<byte> source = Sequences.FromPieces([bytes[..5], bytes[5..]]);
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => Bvlc.TryRead(source, new byte[bytes.Length - 1], out _, out _));
        Assert.Equal("scratch", thrown.ParamName);
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(source, new byte[bytes.Length], out _, out int consumed));
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void TryRead_Sequence_WarmedUp_AllocatesNothing()
    {
        byte[] bytes = Bytes(ForwardedNpdu);
        var single = new ReadOnlySequence<byte>(bytes);
        ReadOnlySequence<byte> withinFirst = Sequences.FromPieces([[.. bytes, 0x81], [0x0a]]);
        ReadOnlySequence<byte> spanning = Sequences.PerOctet(bytes);
        int Run()
        {
            Span<byte> scratch = stackalloc byte[64];
            Bvlc.TryRead(single, [], out BvlcFrame frame, out int consumed);
            int total = consumed + frame.Npdu.Length;
            Bvlc.TryRead(withinFirst, [], out frame, out consumed);
            total += consumed + frame.Npdu.Length;
            Bvlc.TryRead(spanning, scratch, out BvlcFrame copied, out consumed);
            return total + consumed + copied.Npdu.Length;
        }

        Assert.Equal(3 * (24 + 14), Run());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(300 * (24 + 14), sum);
    }

    [Property(MaxTest = 200)]
    public bool TryRead_SequenceCutAnywhere_EveryPrefixMatchesTheSpan(int kind, byte a, byte b, ushort c, byte[] data, byte[] trailing, int[] cuts, int corruptAt, byte xor)
    {
        (byte[] message, _) = BacnetMessages.Build(kind, a, b, c, data);
        byte[] bytes = [.. message, .. (trailing ?? []).Take(20)];
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
    public bool TryRead_SequenceOfArbitraryBytes_MatchesTheSpan(byte[] bytes, byte function, int[] cuts)
    {
        // Arbitrary bytes behind a BACnet/IP type and a defined function, with a length that mostly fits what follows.
        bytes ??= [];
        byte[] message = [Bvlc.BacnetIpType, (byte)(function % 13), 0, (byte)(4 + (bytes.Length == 0 ? 0 : function % bytes.Length)), .. bytes];
        return ReadSpan(message) == ReadSequence(Sequences.Split(message, Sequences.Cuts(cuts)));
    }

    [Property]
    public bool TryRead_SequenceOfADatagramInPieces_ReadsTheWholeMessage(int kind, byte a, byte b, ushort c, byte[] data, int[] cuts)
    {
        // A BVLC message is one UDP datagram: read from any segmentation, it is one message of the datagram's length.
        (byte[] message, _) = BacnetMessages.Build(kind, a, b, c, data);
        var scratch = new byte[Bvlc.MaximumLength];
        return Bvlc.TryRead(Sequences.Split(message, Sequences.Cuts(cuts)), scratch, out BvlcFrame frame, out int consumed) == OperationStatus.Done
            && consumed == message.Length && frame.Length == message.Length && frame.Body.SequenceEqual(message.AsSpan(Bvlc.HeaderLength));
    }
}

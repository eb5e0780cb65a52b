using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.EtherNetIp;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

/// <summary>The <see cref="ReadOnlySequence{T}"/> overload of the encapsulation reader and <see cref="EncapsulationMessageReader"/> on <see cref="ProtocolReader{TMessage}"/>.</summary>
public class EnipSequenceTests
{
    // Vol. 2 2-4.4: RegisterSession reply, session 0x12020200, protocol version 1 (digitalbond ip-address-change frame 3609).
    private const string RegisterSessionReply = "6500 0400 00020212 00000000 0000000000000000 00000000 0100 0000";

    // SendRRData carrying Unconnected_Send of Get_Attributes_All to the Identity object (digitalbond reboot frame 8).
    private const string SendRRData = "6f00 2400 00010211 00000000 b39b02002008e100 00000000 00000000 2000 0200 0000 0000 b200 1400 52022006240107f9060001022001240101000100";

    // SendRRData reply with the Identity attributes (digitalbond ip-address-change frame 3613).
    private const string SendRRDataReply = "6f002e000002021200000000a1823000b808e10000000000000000000a00020000000000b2001e008100000001000c003a0004073000c3ae51000b313735362d454e42542f41";

    // Vol. 2 2-4.2: ListIdentity request, no data.
    private const string ListIdentityRequest = "6300 0000 00000000 00000000 0000000000000000 00000000";

    private static byte[] Bytes(string hex) => EnipHex.Bytes(hex);

    private static string Outcome(OperationStatus status, int consumed, ProtocolError error, in EncapsulationFrame frame) =>
        $"{status} consumed={consumed} error=[{error}] header=[{frame.Header}] data={Convert.ToHexString(frame.Data)}";

    private static string ReadSpan(byte[] bytes)
    {
        OperationStatus status = Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, frame);
    }

    private static string ReadSequence(ReadOnlySequence<byte> source)
    {
        var scratch = new byte[Encapsulation.MaximumPacketLength];
        OperationStatus status = Encapsulation.TryRead(source, scratch, out EncapsulationFrame frame, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, frame);
    }

    [Theory]
    [InlineData(RegisterSessionReply)]
    [InlineData(SendRRData)]
    [InlineData(SendRRDataReply)]
    [InlineData(ListIdentityRequest)]
    public void TryRead_SequenceOfOneOctetSegments_ReadsTheSamePacketAsTheSpan(string hex)
    {
        byte[] bytes = [.. Bytes(hex), 0x65, 0x00];
        string expected = ReadSpan(bytes);
        Assert.StartsWith("Done", expected, StringComparison.Ordinal);
        Assert.Equal(expected, ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Theory]
    [InlineData(RegisterSessionReply)]
    [InlineData(SendRRDataReply)]
    public void TryRead_SequenceStrictPrefix_ReturnsNeedMoreDataAndConsumesNothing(string hex)
    {
        byte[] bytes = Bytes(hex);
        var scratch = new byte[Encapsulation.MaximumPacketLength];
        for (int length = 0; length < bytes.Length; length++)
        {
            ReadOnlySequence<byte> source = Sequences.PerOctet(bytes[..length]);
            Assert.Equal(OperationStatus.NeedMoreData, Encapsulation.TryRead(source, scratch, out EncapsulationFrame frame, out int consumed, out ProtocolError error));
            Assert.Equal(0, consumed);
            Assert.False(error.IsError);
            Assert.True(frame.Data.IsEmpty);
        }
    }

    [Theory]
    [InlineData("6f00 e8ff", EnipError.EncapsulationLengthTooLarge, 2)] // 2-3.1: 65512 exceeds 65535 - 24
    [InlineData("6500 0200 00000000 00000000 0000000000000000 00000000 0100", EnipError.CommandDataInvalid, 24)] // 2-4.4: RegisterSession is 4 octets
    [InlineData("6f00 0c00 00000000 00000000 0000000000000000 00000000 00000000 0000 0100 0000 0000", EnipError.CpfItemsMissing, 30)] // 2-4.7: one item only
    [InlineData("6f00 1100 00000000 00000000 0000000000000000 00000000 00000000 0000 0200 0000 0000 b200 0000 ff", EnipError.CpfTrailingData, 40)] // octet after the last item
    public void TryRead_SequenceInvalid_MatchesTheSpanAndConsumesNothing(string hex, EnipError expected, int offset)
    {
        byte[] bytes = Bytes(hex);
        var scratch = new byte[Encapsulation.MaximumPacketLength];
        Assert.Equal(OperationStatus.InvalidData, Encapsulation.TryRead(Sequences.PerOctet(bytes), scratch, out EncapsulationFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.True(frame.Data.IsEmpty);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(ReadSpan(bytes), ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Fact]
    public void TryRead_SequencePacketWithinFirstSegment_ViewsItInPlace()
    {
        byte[] bytes = Bytes(SendRRData);
        ReadOnlySequence<byte> source = Sequences.FromPieces([[.. bytes, 0x6f], [0x00]]);
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(source, [], out EncapsulationFrame frame, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        Assert.True(frame.Data.Overlaps(source.First.Span));
    }

    [Fact]
    public void TryRead_SequencePacketSpanningSegments_ScratchTooSmall_Throws()
    {
        byte[] bytes = Bytes(RegisterSessionReply);
        ReadOnlySequence<byte> source = Sequences.FromPieces([bytes[..10], bytes[10..]]);
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => Encapsulation.TryRead(source, new byte[27], out _, out _));
        Assert.Equal("scratch", thrown.ParamName);
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(source, new byte[28], out _, out int consumed));
        Assert.Equal(28, consumed);
    }

    [Fact]
    public void TryRead_Sequence_WarmedUp_AllocatesNothing()
    {
        byte[] bytes = Bytes(SendRRDataReply);
        var single = new ReadOnlySequence<byte>(bytes);
        ReadOnlySequence<byte> withinFirst = Sequences.FromPieces([[.. bytes, 0x6f], [0x00]]);
        ReadOnlySequence<byte> spanning = Sequences.PerOctet(bytes);
        var scratch = new byte[Encapsulation.MaximumPacketLength];
        int Run()
        {
            Encapsulation.TryRead(single, [], out EncapsulationFrame frame, out int consumed);
            int total = consumed + frame.Data.Length;
            Encapsulation.TryRead(withinFirst, [], out frame, out consumed);
            total += consumed + frame.Data.Length;
            Encapsulation.TryRead(spanning, scratch, out frame, out consumed);
            return total + consumed + frame.Data.Length;
        }

        Assert.Equal(3 * (70 + 46), Run());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(300 * (70 + 46), sum);
    }

    [Property(MaxTest = 200)]
    public bool TryRead_SequenceCutAnywhere_EveryPrefixMatchesTheSpan(int kind, byte a, byte b, ushort c, uint session, byte[] data, byte[] trailing, int[] cuts, int corruptAt, byte xor)
    {
        (byte[] packet, _, _) = EnipMessages.Build(kind, a, b, c, session, data);
        byte[] bytes = [.. packet, .. (trailing ?? []).Take(20)];
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
    public bool TryRead_SequenceOfArbitraryBytes_MatchesTheSpan(byte[] bytes, byte shortLength, int[] cuts)
    {
        // Arbitrary bytes with, at offset 2, a length that mostly fits what follows.
        bytes = bytes ?? [];
        if (bytes.Length >= 4)
        {
            bytes[2] = (byte)(shortLength % Math.Max(1, bytes.Length));
            bytes[3] = 0;
        }

        return ReadSpan(bytes) == ReadSequence(Sequences.Split(bytes, Sequences.Cuts(cuts)));
    }

    [Fact]
    public void MessageReader_PacketInOneOctetSegments_IsDelimitedAndReadable()
    {
        byte[] bytes = Bytes(SendRRDataReply);
        ReadOnlySequence<byte> input = Sequences.PerOctet([.. bytes, 0x6f]);
        var (status, message, _, consumed, examined) = Sequences.ReadMessage(new EncapsulationMessageReader(), input);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(input.GetPosition(bytes.Length), consumed);
        Assert.Equal(consumed, examined);
        Assert.Equal(EncapsulationCommand.SendRRData, message.Command);
        Assert.Equal(0x12020200u, message.Header.SessionHandle);
        Assert.Equal(bytes, message.Packet.ToArray());
        Assert.True(message.TryRead(new byte[bytes.Length], out EncapsulationFrame frame));
        Assert.True(frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf));
        Assert.Equal(2, cpf.ItemCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6f00 24")]
    [InlineData("6f00 2400 00010211")]
    [InlineData("6500 0400 00020212 00000000 0000000000000000 00000000 0100 00")]
    public void MessageReader_Prefix_NeedsMoreDataAndExaminesAll(string hex)
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Bytes(hex));
        var (status, _, _, consumed, examined) = Sequences.ReadMessage(new EncapsulationMessageReader(), input);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(input.Start, consumed);
        Assert.Equal(input.End, examined);
    }

    [Theory]
    [InlineData("6f00 e8ff", EnipError.EncapsulationLengthTooLarge)]
    [InlineData("6600 0100 00000000 00000000 0000000000000000 00000000 00", EnipError.CommandDataInvalid)]
    [InlineData("6f00 0700 00000000 00000000 0000000000000000 00000000 00000000 0000 00", EnipError.CpfTruncated)]
    public void MessageReader_Invalid_ConsumesNothing(string hex, EnipError expected)
    {
        // Both when the packet spans segments (copied to a rented buffer) and when it lies in one segment.
        byte[] bytes = Bytes(hex);
        foreach (ReadOnlySequence<byte> input in new[] { Sequences.PerOctet(bytes), new ReadOnlySequence<byte>(bytes) })
        {
            var (status, message, error, consumed, _) = Sequences.ReadMessage(new EncapsulationMessageReader(), input);
            Assert.Equal(OperationStatus.InvalidData, status);
            Assert.Equal(input.Start, consumed);
            Assert.Equal((int)expected, error.Code);
            Assert.True(message.Packet.IsEmpty);
        }
    }

    [Property(MaxTest = 50)]
    public bool MessageReader_OnAPipe_ArbitrarySegmentation_YieldsTheSamePackets(int[] kinds, byte a, byte b, ushort c, uint session, byte[] data, int[] cuts)
    {
        byte[][] packets = (kinds ?? []).Take(8).Select((k, i) => EnipMessages.Build(k, (byte)(a + i), b, c, session, data).Bytes).ToArray();
        // No garbage prefix: encapsulation has no start pattern (any 24 octets with a small length delimit a packet), so a
        // stream is read in step from its start, as an endpoint does (active mode).
        byte[] stream = [.. packets.SelectMany(p => p)];
        var (read, last, _) = Sequences.ReadAllAsync(new EncapsulationMessageReader(), m => m.Packet.ToArray(), stream, cuts, FramingMode.Active, Encapsulation.MaximumPacketLength)
            .GetAwaiter().GetResult();
        return read.Count == packets.Length && read.Zip(packets).All(p => p.First.AsSpan().SequenceEqual(p.Second))
            && last.IsCompleted && !last.IsFaulted && last.LeftoverBytes == 0;
    }
}

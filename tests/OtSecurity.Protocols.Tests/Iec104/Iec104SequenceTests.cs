using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Iec104;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Iec104;

/// <summary>The <see cref="ReadOnlySequence{T}"/> overload of the APDU reader and <see cref="Iec104ApduMessageReader"/> on <see cref="ProtocolReader{TMessage}"/>.</summary>
[Properties(Arbitrary = [typeof(Iec104Arbitraries)])]
public class Iec104SequenceTests
{
    // 090813_diverse.pcap frame 7: S-format, N(R) 78.
    private const string SFormat = "68 04 01 00 9C 00";

    // STARTDT act (§5.3).
    private const string StartDtAct = "68 04 07 00 00 00";

    // zeek-iec104 first/iec104.pcap frame 9: C_IC_NA_1 act, common address 10, IOA 0, QOI 20 (station interrogation).
    private const string Interrogation = "68 0E 00 00 00 00 64 01 06 00 0A 00 00 00 00 14";

    // zeek-iec104 frame 12 second APDU: M_SP_NA_1 with four objects, interrogated by station.
    private const string SinglePoints = "68 1A 04 00 02 00 01 04 14 00 0A 00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00";

    private static byte[] Bytes(string hex) => Dnp3.Dnp3Hex.Bytes(hex);

    private static string Outcome(OperationStatus status, int consumed, ProtocolError error, in Iec104Apdu apdu) =>
        $"{status} consumed={consumed} error=[{error}] format={apdu.Format} ns={apdu.SendSequenceNumber} nr={apdu.ReceiveSequenceNumber} u={apdu.UFunction} "
        + $"length={apdu.EncodedLength} asdu=[{(status == OperationStatus.Done && apdu.Format == Iec104FrameFormat.I ? apdu.Asdu.Header.ToString() : string.Empty)}] {Convert.ToHexString(apdu.AsduBytes)}";

    private static string ReadSpan(byte[] bytes)
    {
        OperationStatus status = Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, apdu);
    }

    private static string ReadSequence(ReadOnlySequence<byte> source)
    {
        var scratch = new byte[Iec104Apdu.MaxEncodedLength];
        OperationStatus status = Iec104Apdu.TryRead(source, scratch, out Iec104Apdu apdu, out int consumed, out ProtocolError error);
        return Outcome(status, consumed, error, apdu);
    }

    [Theory]
    [InlineData(SFormat)]
    [InlineData(StartDtAct)]
    [InlineData(Interrogation)]
    [InlineData(SinglePoints)]
    public void TryRead_SequenceOfOneOctetSegments_ReadsTheSameApduAsTheSpan(string hex)
    {
        byte[] bytes = [.. Bytes(hex), 0x68, 0x04];
        string expected = ReadSpan(bytes);
        Assert.StartsWith("Done", expected, StringComparison.Ordinal);
        Assert.Equal(expected, ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Theory]
    [InlineData(SFormat)]
    [InlineData(Interrogation)]
    [InlineData(SinglePoints)]
    public void TryRead_SequenceStrictPrefix_ReturnsNeedMoreDataAndConsumesNothing(string hex)
    {
        byte[] bytes = Bytes(hex);
        var scratch = new byte[Iec104Apdu.MaxEncodedLength];
        for (int length = 0; length < bytes.Length; length++)
        {
            ReadOnlySequence<byte> source = Sequences.PerOctet(bytes[..length]);
            Assert.Equal(OperationStatus.NeedMoreData, Iec104Apdu.TryRead(source, scratch, out Iec104Apdu apdu, out int consumed, out ProtocolError error));
            Assert.Equal(0, consumed);
            Assert.False(error.IsError);
            Assert.Equal(0, apdu.EncodedLength);
        }
    }

    [Theory]
    [InlineData("69 04 43 00 00 00", Iec104Error.InvalidStartOctet, 0)] // §5.1: START is 0x68
    [InlineData("68 FE 00 00 00 00", Iec104Error.LengthOutOfRange, 1)] // §5.1: length at most 253
    [InlineData("68 04 C3", Iec104Error.InvalidUFunction, 2)] // §5.3: two U functions, invalid whatever follows
    [InlineData("68 04 01 00 01 00", Iec104Error.InvalidControlField, 4)] // §5.2: LSB of the third S-format octet is 0
    [InlineData("68 0A 00 00 00 00 00 01 06 00 0A 00", Iec104Error.InvalidTypeId, 6)] // type 0 is not defined
    [InlineData("68 0D 00 00 00 00 64 01 06 00 0A 00 00 00 00", Iec104Error.AsduLengthMismatch, 12)] // one object needs 4 octets, 3 given
    public void TryRead_SequenceInvalid_MatchesTheSpanAndConsumesNothing(string hex, Iec104Error expected, int offset)
    {
        byte[] bytes = Bytes(hex);
        var scratch = new byte[Iec104Apdu.MaxEncodedLength];
        Assert.Equal(OperationStatus.InvalidData, Iec104Apdu.TryRead(Sequences.PerOctet(bytes), scratch, out Iec104Apdu apdu, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(0, apdu.EncodedLength);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(ReadSpan(bytes), ReadSequence(Sequences.PerOctet(bytes)));
    }

    [Fact]
    public void TryRead_SequenceApduWithinFirstSegment_ViewsItInPlace()
    {
        byte[] bytes = Bytes(Interrogation);
        ReadOnlySequence<byte> source = Sequences.FromPieces([[.. bytes, 0x68], [0x04]]);
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(source, [], out Iec104Apdu apdu, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        Assert.True(apdu.AsduBytes.Overlaps(source.First.Span));
    }

    [Fact]
    public void TryRead_SequenceApduSpanningSegments_ScratchTooSmall_Throws()
    {
        byte[] bytes = Bytes(Interrogation);
        ReadOnlySequence<byte> source = Sequences.FromPieces([bytes[..3], bytes[3..]]);
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => Iec104Apdu.TryRead(source, new byte[15], out _, out _));
        Assert.Equal("scratch", thrown.ParamName);
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(source, new byte[16], out _, out int consumed));
        Assert.Equal(16, consumed);
    }

    [Fact]
    public void TryRead_Sequence_WarmedUp_AllocatesNothing()
    {
        byte[] bytes = Bytes(SinglePoints);
        var single = new ReadOnlySequence<byte>(bytes);
        ReadOnlySequence<byte> withinFirst = Sequences.FromPieces([[.. bytes, 0x68], [0x04]]);
        ReadOnlySequence<byte> spanning = Sequences.PerOctet(bytes);
        int Run()
        {
            Span<byte> scratch = stackalloc byte[Iec104Apdu.MaxEncodedLength];
            Iec104Apdu.TryRead(single, [], out Iec104Apdu apdu, out int consumed);
            int total = consumed + apdu.Asdu.Header.ObjectCount;
            Iec104Apdu.TryRead(withinFirst, [], out apdu, out consumed);
            total += consumed + apdu.Asdu.Header.ObjectCount;
            Iec104Apdu.TryRead(spanning, scratch, out Iec104Apdu copied, out consumed);
            return total + consumed + copied.Asdu.Header.ObjectCount;
        }

        Assert.Equal(96, Run());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(9600, sum);
    }

    [Property]
    public bool TryRead_SequenceCutAnywhere_EveryPrefixMatchesTheSpan(ApduSpec spec, byte[] trailing, int[] cuts, int corruptAt, byte xor)
    {
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
    public bool TryRead_SequenceOfArbitraryBytes_MatchesTheSpan(byte[] bytes, bool withStartOctet, int[] cuts)
    {
        bytes = withStartOctet ? [0x68, .. bytes ?? []] : bytes ?? [];
        return ReadSpan(bytes) == ReadSequence(Sequences.Split(bytes, Sequences.Cuts(cuts)));
    }

    [Fact]
    public void MessageReader_ApduInOneOctetSegments_IsDelimitedAndReadable()
    {
        byte[] bytes = Bytes(SinglePoints);
        ReadOnlySequence<byte> input = Sequences.PerOctet([.. bytes, 0x68]);
        var (status, message, _, consumed, examined) = Sequences.ReadMessage(new Iec104ApduMessageReader(), input);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(input.GetPosition(bytes.Length), consumed);
        Assert.Equal(consumed, examined);
        Assert.Equal(Iec104FrameFormat.I, message.Format);
        Assert.Equal(2, message.SendSequenceNumber);
        Assert.Equal(1, message.ReceiveSequenceNumber);
        Assert.Equal(bytes, message.Apdu.ToArray());
        Assert.True(message.TryRead(new byte[Iec104Apdu.MaxEncodedLength], out Iec104Apdu apdu));
        Assert.Equal(Iec104TypeId.M_SP_NA_1, apdu.Asdu.Header.TypeId);
        Assert.Equal(4, apdu.Asdu.Header.ObjectCount);
    }

    [Fact]
    public void MessageReader_UFormat_CarriesTheFunction()
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Bytes(StartDtAct));
        var (status, message, _, _, _) = Sequences.ReadMessage(new Iec104ApduMessageReader(), input);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(Iec104FrameFormat.U, message.Format);
        Assert.Equal(Iec104UFunction.StartDataTransferActivation, message.UFunction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("68")]
    [InlineData("68 0E 00 00")]
    [InlineData("68 0E 00 00 00 00 64 01 06 00 0A 00 00 00 00")]
    public void MessageReader_Prefix_NeedsMoreDataAndExaminesAll(string hex)
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Bytes(hex));
        var (status, _, _, consumed, examined) = Sequences.ReadMessage(new Iec104ApduMessageReader(), input);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(input.Start, consumed);
        Assert.Equal(input.End, examined);
    }

    [Theory]
    [InlineData("69 04", Iec104Error.InvalidStartOctet)]
    [InlineData("68 03 43 00 00", Iec104Error.LengthOutOfRange)]
    [InlineData("68 0A 00 00 00 00 64 01 40 00 0A 00", Iec104Error.InvalidCause)]
    public void MessageReader_Invalid_ConsumesNothing(string hex, Iec104Error expected)
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Bytes(hex));
        var (status, message, error, consumed, _) = Sequences.ReadMessage(new Iec104ApduMessageReader(), input);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(input.Start, consumed);
        Assert.Equal((int)expected, error.Code);
        Assert.True(message.Apdu.IsEmpty);
    }

    [Property(MaxTest = 50)]
    public bool MessageReader_OnAPipe_ArbitrarySegmentation_YieldsTheSameApdus(ApduStreamSpec spec, int[] cuts)
    {
        byte[][] apdus = spec.Apdus.Select(a => a.Encode()).ToArray();
        byte[] stream = [.. "xx"u8, .. apdus.SelectMany(a => a)];
        var (read, last, loop) = Sequences.ReadAllAsync(new Iec104ApduMessageReader(), m => m.Apdu.ToArray(), stream, cuts, FramingMode.Passive, Iec104Apdu.MaxEncodedLength)
            .GetAwaiter().GetResult();
        return read.Count == apdus.Length && read.Zip(apdus).All(p => p.First.AsSpan().SequenceEqual(p.Second))
            && last.IsCompleted && last.LeftoverBytes == 0 && loop.BytesSkipped == 2;
    }
}

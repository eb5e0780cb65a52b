using System.Buffers;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Protocols.Tests.Dnp3;

public class Dnp3TransportTests
{
    [Fact]
    public void TryRead_Segment_SplitsHeaderAndPayload()
    {
        // zeek dnp3.pcap frame 6: transport header 0xC0 (FIN, FIR, sequence 0), application CONFIRM.
        byte[] user = Dnp3Hex.Bytes("C0 D7 00");
        Assert.Equal(OperationStatus.Done, Dnp3TransportSegment.TryRead(user, out Dnp3TransportSegment segment, out int consumed));
        Assert.Equal(3, consumed);
        Assert.True(segment.Header.IsFinal);
        Assert.True(segment.Header.IsFirst);
        Assert.Equal(0, segment.Header.Sequence);
        Assert.Equal(Dnp3Hex.Bytes("D7 00"), segment.Payload.ToArray());
    }

    [Fact]
    public void TryRead_EmptyUserData_ReturnsInvalidDataAndConsumesNothing()
    {
        Assert.Equal(OperationStatus.InvalidData, Dnp3TransportSegment.TryRead([], out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal((int)Dnp3Error.EmptyTransportSegment, error.Code);
    }

    [Fact]
    public void TransportHeader_Compose_MatchesCaptureOctets()
    {
        // zeek dnp3_link_only.pcap: 0x62 opens a fragment (FIR, sequence 34), 0xAA closes it (FIN, sequence 42).
        Assert.Equal(0x62, new Dnp3TransportHeader(false, true, 34).Value);
        Assert.Equal(0xAA, new Dnp3TransportHeader(true, false, 42).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dnp3TransportHeader(true, true, 64));
    }

    [Fact]
    public void TryWrite_Segment_PrependsHeader()
    {
        Span<byte> buffer = stackalloc byte[4];
        Assert.Equal(OperationStatus.Done, Dnp3TransportSegment.TryWrite(new Dnp3TransportHeader(0xC1), Dnp3Hex.Bytes("C2 04 0C"), buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes("C1 C2 04 0C"), buffer[..written].ToArray());
        Assert.Equal(OperationStatus.DestinationTooSmall, Dnp3TransportSegment.TryWrite(new Dnp3TransportHeader(0xC1), Dnp3Hex.Bytes("C2 04 0C"), buffer[..3], out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Add_SingleSegmentFragment_CompletesAtOnce()
    {
        var reassembler = new Dnp3TransportReassembler();
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 1, 2, 0xC5, "C1 01", out byte[] fragment));
        Assert.Equal(Dnp3Hex.Bytes("C1 01"), fragment);
        Assert.Equal(0, reassembler.PendingCount);
    }

    [Fact]
    public void Add_ThreeSegments_ConcatenatesPayloads()
    {
        var reassembler = new Dnp3TransportReassembler();
        Assert.Equal(Dnp3ReassemblyStatus.InProgress, Add(reassembler, 1, 2, 0x40 | 10, "01 02", out _));
        Assert.Equal(1, reassembler.PendingCount);
        Assert.Equal(Dnp3ReassemblyStatus.InProgress, Add(reassembler, 1, 2, 11, "03", out _));
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 1, 2, 0x80 | 12, "04 05", out byte[] fragment));
        Assert.Equal(Dnp3Hex.Bytes("01 02 03 04 05"), fragment);
    }

    [Fact]
    public void Add_SequenceWrapsFrom63To0_Completes()
    {
        // icsnpp dnp3_example.pcap frames 17–18: FIR with sequence 63, then FIN with sequence 0 (§8.2.1.3: modulo 64).
        var reassembler = new Dnp3TransportReassembler();
        Assert.Equal(Dnp3ReassemblyStatus.InProgress, Add(reassembler, 5, 100, 0x7F, "C8 81", out _));
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 5, 100, 0x80, "00 00", out byte[] fragment));
        Assert.Equal(Dnp3Hex.Bytes("C8 81 00 00"), fragment);
    }

    [Fact]
    public void Add_MissingFirstSegment_IsDiscarded()
    {
        var reassembler = new Dnp3TransportReassembler();
        Assert.Equal(Dnp3ReassemblyStatus.DiscardedNoFirstSegment, Add(reassembler, 1, 2, 0x80 | 5, "01", out _));
        Assert.Equal(0, reassembler.PendingCount);
    }

    [Fact]
    public void Add_SequenceGap_DiscardsSegmentAndPartialFragment()
    {
        var reassembler = new Dnp3TransportReassembler();
        Add(reassembler, 1, 2, 0x40 | 3, "01", out _);
        Assert.Equal(Dnp3ReassemblyStatus.DiscardedOutOfSequence, Add(reassembler, 1, 2, 0x80 | 5, "02", out _));
        Assert.Equal(0, reassembler.PendingCount);
        Assert.Equal(Dnp3ReassemblyStatus.DiscardedNoFirstSegment, Add(reassembler, 1, 2, 0x80 | 6, "03", out _));
    }

    [Fact]
    public void Add_RepeatedSegment_IsIgnoredAndFragmentKept()
    {
        var reassembler = new Dnp3TransportReassembler();
        Add(reassembler, 1, 2, 0x40 | 3, "01", out _);
        Add(reassembler, 1, 2, 4, "02", out _);
        Assert.Equal(Dnp3ReassemblyStatus.IgnoredDuplicate, Add(reassembler, 1, 2, 4, "02", out _));
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 1, 2, 0x80 | 5, "03", out byte[] fragment));
        Assert.Equal(Dnp3Hex.Bytes("01 02 03"), fragment);
    }

    [Fact]
    public void Add_NewFirstSegment_AbandonsPartialFragment()
    {
        var reassembler = new Dnp3TransportReassembler();
        Add(reassembler, 1, 2, 0x40 | 3, "01", out _);
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 1, 2, 0xC0 | 9, "AA", out byte[] fragment));
        Assert.Equal(Dnp3Hex.Bytes("AA"), fragment);
        Assert.Equal(1, reassembler.AbandonedFragments);
    }

    [Fact]
    public void Add_PairsAreIndependent()
    {
        var reassembler = new Dnp3TransportReassembler();
        Add(reassembler, 1, 2, 0x40 | 1, "11", out _);
        Add(reassembler, 3, 2, 0x40 | 7, "33", out _);
        Assert.Equal(2, reassembler.PendingCount);
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 3, 2, 0x80 | 8, "34", out byte[] second));
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 1, 2, 0x80 | 2, "12", out byte[] first));
        Assert.Equal(Dnp3Hex.Bytes("33 34"), second);
        Assert.Equal(Dnp3Hex.Bytes("11 12"), first);
    }

    [Fact]
    public void Add_BeyondMaximumSize_DiscardsFragment()
    {
        var reassembler = new Dnp3TransportReassembler(maxFragmentSize: 300);
        string chunk = new('A', 2 * 200);
        Assert.Equal(Dnp3ReassemblyStatus.InProgress, Add(reassembler, 1, 2, 0x40 | 1, chunk, out _));
        Assert.Equal(Dnp3ReassemblyStatus.DiscardedTooLarge, Add(reassembler, 1, 2, 0x80 | 2, chunk, out _));
        Assert.Equal(0, reassembler.PendingCount);
    }

    [Fact]
    public void Add_MorePairsThanCap_EvictsLeastRecentlyUsed()
    {
        var reassembler = new Dnp3TransportReassembler(maxPairs: 2);
        Add(reassembler, 1, 9, 0x40 | 1, "01", out _);
        Add(reassembler, 2, 9, 0x40 | 1, "02", out _);
        Add(reassembler, 1, 9, 2, "01", out _);
        Add(reassembler, 3, 9, 0x40 | 1, "03", out _);
        Assert.Equal(1, reassembler.AbandonedFragments);
        Assert.Equal(Dnp3ReassemblyStatus.DiscardedNoFirstSegment, Add(reassembler, 2, 9, 0x80 | 2, "02", out _));
        Assert.Equal(Dnp3ReassemblyStatus.Completed, Add(reassembler, 1, 9, 0x80 | 3, "01", out _));
    }

    [Fact]
    public void Clear_ForgetsPartialFragments()
    {
        var reassembler = new Dnp3TransportReassembler();
        Add(reassembler, 1, 2, 0x40 | 1, "01", out _);
        reassembler.Clear();
        Assert.Equal(0, reassembler.PendingCount);
        Assert.Equal(Dnp3ReassemblyStatus.DiscardedNoFirstSegment, Add(reassembler, 1, 2, 0x80 | 2, "02", out _));
    }

    [Fact]
    public void Constructor_InvalidCaps_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dnp3TransportReassembler(maxFragmentSize: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dnp3TransportReassembler(maxPairs: 0));
    }

    private static Dnp3ReassemblyStatus Add(Dnp3TransportReassembler reassembler, ushort source, ushort destination, int transport, string payloadHex, out byte[] fragment)
    {
        byte[] payload = Dnp3Hex.Bytes(payloadHex);
        var user = new byte[payload.Length + 1];
        user[0] = (byte)transport;
        payload.CopyTo(user, 1);
        Dnp3TransportSegment.TryRead(user, out Dnp3TransportSegment segment, out _);
        Dnp3ReassemblyStatus status = reassembler.Add(source, destination, segment, out ReadOnlySpan<byte> completed);
        fragment = completed.ToArray();
        return status;
    }
}

using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Dnp3;
using OtSecurity.Protocols.Dnp3;
using static OtSecurity.Capture.Tests.Dissectors.DissectorTestKit;

namespace OtSecurity.Capture.Tests.Dissectors.Dnp3;

/// <summary>
/// Proof for the five frames of icsnpp dnp3_example.pcap where Wireshark 4.0 reports no application function, or a
/// wrong one, and we report the function the bytes carry. Wireshark's DNP3 dissector reassembles transport segments
/// with <c>fragment_add_seq_single_aging</c>, keyed by the 6-bit transport sequence number as a plain integer, so a
/// segment with sequence 0 is never found as the successor of sequence 63. IEEE 1815-2012 §8.2.1.3 says the sequence
/// number increments modulo 64. The orphaned final segments then stay in its table and are glued in front of a
/// later single-segment fragment with sequence 0 (frame 311).
/// </summary>
public class WiresharkDnp3SequenceWrapTests
{
    public static TheoryData<long, string[], int> WrappedMessages => new()
    {
        // Final frame, frames of the message (FIR with sequence 63 ... FIN with sequence 0), application function.
        { 18, [Dnp3CaptureFrames.Frame17, Dnp3CaptureFrames.Frame18], 0x81 },
        { 114, [Dnp3CaptureFrames.Frame113, Dnp3CaptureFrames.Frame114], 0x81 },
        { 210, [Dnp3CaptureFrames.Frame209, Dnp3CaptureFrames.Frame210], 0x81 },
        { 810, [Dnp3CaptureFrames.Frame808, Dnp3CaptureFrames.Frame809, Dnp3CaptureFrames.Frame810], 0x82 },
    };

    [Theory]
    [MemberData(nameof(WrappedMessages))]
    public void WrappedSegments_FormOneCompleteWellFormedFragment(long finalFrame, string[] frames, int function)
    {
        var reassembler = new Dnp3TransportReassembler();
        var sequences = new List<byte>();
        byte[]? fragment = null;
        for (int i = 0; i < frames.Length; i++)
        {
            byte[] bytes = Convert.FromHexString(frames[i]);
            Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out int consumed));
            Assert.Equal(bytes.Length, consumed);
            var user = new byte[frame.UserDataLength];
            frame.CopyUserData(user);
            Dnp3TransportSegment.TryRead(user, out Dnp3TransportSegment segment, out _);
            sequences.Add(segment.Header.Sequence);
            Assert.Equal(i == 0, segment.Header.IsFirst);
            Assert.Equal(i == frames.Length - 1, segment.Header.IsFinal);
            Dnp3ReassemblyStatus status = reassembler.Add(frame.Header.SourceAddress, frame.Header.DestinationAddress, segment, out ReadOnlySpan<byte> completed);
            if (segment.Header.IsFinal)
            {
                Assert.Equal(Dnp3ReassemblyStatus.Completed, status);
                fragment = completed.ToArray();
            }
            else
            {
                Assert.Equal(Dnp3ReassemblyStatus.InProgress, status);
            }
        }

        // The last segment carries sequence 0 right after 63: consecutive modulo 64.
        Assert.Equal(0, sequences[^1]);
        Assert.Equal(63, sequences[^2]);

        // The reassembled fragment is a complete response whose objects end exactly at its last octet.
        Assert.NotNull(fragment);
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(fragment, out Dnp3ApplicationFragment parsed, out _, out var error));
        Assert.False(error.IsError);
        Assert.Equal(function, (int)parsed.Function);
        Assert.False(parsed.EndsWithRawData);
        int blocks = 0;
        Dnp3ObjectReader reader = parsed.GetObjects();
        while (reader.TryReadNext(out _))
        {
            blocks++;
        }

        Assert.True(blocks > 0);
        Assert.Equal(parsed.ObjectData.Length, reader.Offset);

        // Without its final segment, the first segment's objects are cut short: the final segment belongs to it.
        Dnp3LinkFrame.TryRead(Convert.FromHexString(frames[0]), out Dnp3LinkFrame first, out _);
        var firstUser = new byte[first.UserDataLength];
        first.CopyUserData(firstUser);
        Assert.Equal(OperationStatus.InvalidData, Dnp3ApplicationFragment.TryRead(firstUser.AsSpan(1), out _, out _));

        // And the dissector reports the function on the final frame, as the truth test expects.
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        for (int i = 0; i < frames.Length; i++)
        {
            Feed(flow, Convert.FromHexString(frames[i]), Context(finalFrame - frames.Length + 1 + i, false, 20000), sink);
        }

        Assert.Equal(function, sink.Messages[^1].Function);
        Assert.Equal(MessageStatus.Ok, sink.Messages[^1].Status);
    }

    [Fact]
    public void Frame311_IsASelfContainedResponse_NotTheStaleFunctionWiresharkReports()
    {
        // Frame 311: transport 0xC0 (FIR and FIN, sequence 0) — a whole fragment in one segment.
        byte[] bytes = Convert.FromHexString(Dnp3CaptureFrames.Frame311);
        Assert.Equal(OperationStatus.Done, Dnp3LinkFrame.TryRead(bytes, out Dnp3LinkFrame frame, out _));
        var user = new byte[frame.UserDataLength];
        frame.CopyUserData(user);
        Dnp3TransportSegment.TryRead(user, out Dnp3TransportSegment segment, out _);
        Assert.True(segment.Header.IsFirst);
        Assert.True(segment.Header.IsFinal);
        Assert.Equal(0, segment.Header.Sequence);

        // Its application layer is a RESPONSE (seq 8) echoing the CROB of the OPERATE in frame 310, fully consumed.
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(segment.Payload, out Dnp3ApplicationFragment response, out _));
        Assert.Equal(Dnp3FunctionCode.Response, response.Function);
        Assert.Equal(8, response.Control.Sequence);
        Assert.False(response.EndsWithRawData);

        // Wireshark's "0" is the first octet of the orphaned final segment of frame 210 (sequence 0, no FIR), which its
        // reassembly table still holds and prepends: that segment's payload starts with 0x00 0x00.
        Dnp3LinkFrame.TryRead(Convert.FromHexString(Dnp3CaptureFrames.Frame210), out Dnp3LinkFrame orphan, out _);
        var orphanUser = new byte[orphan.UserDataLength];
        orphan.CopyUserData(orphanUser);
        Assert.Equal(0x80, orphanUser[0]);
        Assert.Equal(0x00, orphanUser[1]);
        Assert.Equal(0x00, orphanUser[2]);

        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, bytes, Context(311, false, 20000), sink);
        Assert.Equal(0x81, Assert.Single(sink.Messages).Function);
    }
}

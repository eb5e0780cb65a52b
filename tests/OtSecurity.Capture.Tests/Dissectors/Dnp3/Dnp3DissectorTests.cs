using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Dnp3;
using OtSecurity.Protocols;
using static OtSecurity.Capture.Tests.Dissectors.DissectorTestKit;

namespace OtSecurity.Capture.Tests.Dissectors.Dnp3;

public class Dnp3DissectorTests
{
    // zeek dnp3_link_only.pcap frame 1: REQUEST_LINK_STATUS from outstation 1 to master 100.
    private const string RequestLinkStatus = "05 64 05 49 64 00 01 00 7E 5F";

    // dnp3-counter-polling.pcap frame 1: READ class 1, 2, 3 from master 2 to outstation 1 (application sequence 10).
    private const string ReadClasses = "05 64 11 C4 01 00 02 00 C3 5A CA CA 01 3C 02 06 3C 03 06 3C 04 06 6B F5";

    // dnp3-counter-polling.pcap frame 2: the null RESPONSE (sequence 10) from outstation 1.
    private const string NullResponse = "05 64 0A 44 02 00 01 00 10 F0 CB CA 81 00 00 59 E5";

    [Fact]
    public void Probe_LinkHeader_IsClaimed()
    {
        var dissector = new Dnp3Dissector();
        Assert.Equal(ContentMatch.Yes, dissector.Probe(Hex(RequestLinkStatus), TransportKind.Tcp));
        Assert.Equal(ContentMatch.Yes, dissector.Probe(Hex(ReadClasses), TransportKind.Udp));
        Assert.Equal(ContentMatch.NeedMoreData, dissector.Probe(Hex("05 64 05 49"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex("05 64 05 49"), TransportKind.Udp));
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex("05 64 05 49 64 00 01 00 7E 5E"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex("05 64 02 C4 0A 00 01 00 97 FE"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, dissector.Probe([], TransportKind.Tcp));
        Assert.Equal([20000], dissector.TcpPorts);
        Assert.Equal([20000], dissector.UdpPorts);
        Assert.Equal("dnp3", dissector.Protocol);
    }

    [Fact]
    public void Dissect_LinkOnlyFrame_ReportsLinkFieldsWithoutFunction()
    {
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Assert.Equal(OperationStatus.Done, flow.Dissect(Hex(RequestLinkStatus), Context(1, false, 20000), sink, out int consumed));
        Assert.Equal(10, consumed);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal("dnp3", message.Protocol);
        Assert.Equal(1, Field(message, "dnp3Src"));
        Assert.Equal(100, Field(message, "dnp3Dst"));
        Assert.Equal(9, Field(message, "linkFunc"));
        Assert.Null(message.Function);
        Assert.Equal(OperationClass.Session, message.Operation);
        Assert.Equal(MessageDirection.Request, message.Direction);
        Assert.Equal(1, message.Unit);
        Assert.Equal(["dnp3Src", "dnp3Dst", "linkFunc"], message.Fields.Select(f => f.Key));
    }

    [Fact]
    public void Dissect_RequestAndResponse_AreMatched()
    {
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex(ReadClasses), Context(1, true, 20000), sink);
        Feed(flow, Hex(NullResponse), Context(2, false, 20000, seconds: 0.25), sink);
        Assert.Equal(2, sink.Messages.Count);
        OtMessage request = sink.Messages[0];
        Assert.Equal(1, request.Function);
        Assert.Equal("Read", request.FunctionName);
        Assert.Equal(OperationClass.Read, request.Operation);
        Assert.Equal(MessageDirection.Request, request.Direction);
        Assert.Equal(1, request.Unit);
        OtMessage response = sink.Messages[1];
        Assert.Equal(129, response.Function);
        Assert.Equal(MessageDirection.Response, response.Direction);
        Assert.Equal(1, response.RequestFrame);
        Assert.Equal(TimeSpan.FromMilliseconds(250), response.Latency);
        Assert.Equal(OperationClass.Read, response.Operation);
        Assert.Equal("1", response.Identity?.DeviceAddress);

        flow.Complete(Context(3, true, 20000), sink);
        Assert.DoesNotContain(sink.Messages, m => m.Status == MessageStatus.Timeout);
    }

    [Fact]
    public void Complete_UnansweredRequest_IsReportedAsTimeout()
    {
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex(ReadClasses), Context(7, true, 20000), sink);
        flow.Complete(Context(9, true, 20000), sink);
        OtMessage timeout = Assert.Single(sink.Messages, m => m.Status == MessageStatus.Timeout);
        Assert.Equal(7, timeout.RequestFrame);
        Assert.Equal(1, timeout.Function);
    }

    [Fact]
    public void Dissect_FragmentAcrossSequenceWrap_CompletesOnFinalSegment()
    {
        // icsnpp dnp3_example.pcap frames 17 and 18: a RESPONSE in two segments, transport sequence 63 then 0.
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        foreach ((long frame, byte[] bytes) in Dnp3CaptureFrames.IcsnppWrap)
        {
            Feed(flow, bytes, Context(frame, false, 20000), sink);
        }

        Assert.Equal(2, sink.Messages.Count);
        Assert.Null(sink.Messages[0].Function);
        Assert.Equal(129, sink.Messages[1].Function);
        Assert.Equal(MessageStatus.Ok, sink.Messages[1].Status);
    }

    [Fact]
    public void Dissect_DataBlockCrcFailure_ReportsMalformedFrameWithLinkFields()
    {
        byte[] bytes = Hex(ReadClasses);
        bytes[^1] ^= 0xFF;
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Assert.Equal(OperationStatus.Done, flow.Dissect(bytes, Context(1, true, 20000), sink, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.Equal((int)OtSecurity.Protocols.Dnp3.Dnp3Error.DataCrcMismatch, message.Error?.Code);
        Assert.Equal(4, Field(message, "linkFunc"));
        Assert.Null(message.Function);
    }

    [Fact]
    public void Dissect_MalformedObjects_KeepsFunctionAndMarksMalformed()
    {
        // openics DNP3-Malformed.pcap frame 2: OPERATE whose g12v1 range announces 2 CROBs but carries 12 octets.
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex("05 64 19 C4 0A 00 01 00 DA 8F C1 C2 04 0C 01 00 00 01 00 03 01 64 00 00 00 64 63 9A 00 00 00 00 FF FF"), Context(2, true, 20000), sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(4, message.Function);
        Assert.Equal(OperationClass.Control, message.Operation);
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.Equal((int)OtSecurity.Protocols.Dnp3.Dnp3Error.ObjectDataTruncated, message.Error?.Code);
    }

    [Fact]
    public void Dissect_UnsolicitedResponse_IsUnsolicitedEvent()
    {
        // zeek dnp3.pcap frame 4.
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex("05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BD"), Context(4, false, 20000), sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(130, message.Function);
        Assert.Equal(MessageDirection.Unsolicited, message.Direction);
        Assert.Equal(OperationClass.Event, message.Operation);
    }

    [Fact]
    public void Dissect_ResponseWithFailureIndications_IsProtocolError()
    {
        // RESPONSE with IIN2.1 OBJECT_UNKNOWN.
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Frame(0x44, 2, 1, "C0 C1 81 00 02"), Context(1, false, 20000), sink);
        Assert.Equal(MessageStatus.ProtocolError, Assert.Single(sink.Messages).Status);
    }

    [Fact]
    public void Dissect_GarbageAndPrefixes_AreReportedToThePipeline()
    {
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Assert.Equal(OperationStatus.InvalidData, flow.Dissect(Hex("47 45 54 20"), Context(1, true, 20000), sink, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.NeedMoreData, flow.Dissect(Hex("05 64 11 C4 01"), Context(1, true, 20000), sink, out consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.NeedMoreData, flow.Dissect(Hex(ReadClasses).AsSpan(0, 20), Context(1, true, 20000), sink, out consumed));
        Assert.Equal(0, consumed);
        Assert.Empty(sink.Messages);

        // Garbage, then two frames in one segment: the pipeline skips the garbage and reads both.
        byte[] stream = [.. Hex("00 11 05 22"), .. Hex(RequestLinkStatus), .. Hex(RequestLinkStatus)];
        Assert.Equal(stream.Length, Feed(flow, stream, Context(2, false, 20000), sink));
        Assert.Equal(2, sink.Messages.Count);
    }

    [Fact]
    public void Dissect_SecureAuthentication_IsSecurity()
    {
        // iti auth_change_session_keys.pcap frame 4: AUTHENTICATE_REQ g120v4.
        var flow = new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex("05 64 0E C4 04 00 03 00 6D D3 C0 C1 20 78 04 07 01 01 00 9E 40"), Context(4, true, 20000), sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(32, message.Function);
        Assert.Equal(OperationClass.Security, message.Operation);
        Assert.Equal(1, message.Count);
    }

    private static byte[] Frame(byte control, ushort destination, ushort source, string userData)
    {
        byte[] user = Hex(userData);
        var buffer = new byte[OtSecurity.Protocols.Dnp3.Dnp3LinkFrame.GetEncodedLength(user.Length)];
        OtSecurity.Protocols.Dnp3.Dnp3LinkFrame.TryWrite(control, destination, source, user, buffer, out _);
        return buffer;
    }
}

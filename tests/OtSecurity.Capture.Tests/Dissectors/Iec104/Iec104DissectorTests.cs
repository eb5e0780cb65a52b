using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Iec104;
using OtSecurity.Protocols;
using static OtSecurity.Capture.Tests.Dissectors.DissectorTestKit;

namespace OtSecurity.Capture.Tests.Dissectors.Iec104;

public class Iec104DissectorTests
{
    private const string StartDtAct = "68 04 07 00 00 00";
    private const string StartDtCon = "68 04 0B 00 00 00";

    // zeek-iec104 first/iec104.pcap frames 9 and 12 (first APDU): C_IC_NA_1 act and actcon, common address 10.
    private const string InterrogationAct = "68 0E 00 00 00 00 64 01 06 00 0A 00 00 00 00 14";
    private const string InterrogationCon = "68 0E 02 00 02 00 64 01 07 00 0A 00 00 00 00 14";

    // 104deneme.pcap frame 10: C_CS_NA_1, C_IC_NA_1 and C_CI_NA_1 in one segment.
    private const string ThreeCommands = "68 14 00 00 00 00 67 01 06 00 FF FF 00 00 00 FA 04 13 11 18 0A 13 68 0E 02 00 00 00 64 01 06 00 FF FF 00 00 00 14 68 0E 04 00 00 00 65 01 06 00 FF FF 00 00 00 05";

    [Fact]
    public void Probe_ValidApdus_AreClaimed()
    {
        var dissector = new Iec104Dissector();
        Assert.Equal(ContentMatch.Yes, dissector.Probe(Hex(StartDtAct), TransportKind.Tcp));
        Assert.Equal(ContentMatch.Yes, dissector.Probe(Hex(ThreeCommands), TransportKind.Tcp));
        Assert.Equal(ContentMatch.Yes, dissector.Probe(Hex(StartDtAct + " 68 0E 00 00"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.NeedMoreData, dissector.Probe(Hex("68 04 07"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.NeedMoreData, dissector.Probe(Hex("68"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex(StartDtAct), TransportKind.Udp));
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex(StartDtAct + " 00 11"), TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex("68 04 0F 00 00 00"), TransportKind.Tcp));
        // A private type (140) is valid on the wire but too weak to claim a flow.
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex("68 0D 00 00 00 00 8C 01 03 00 01 00 01 02 03"), TransportKind.Tcp));
        // Cause 17 is not defined.
        Assert.Equal(ContentMatch.No, dissector.Probe(Hex("68 0E 00 00 00 00 64 01 11 00 0A 00 00 00 00 14"), TransportKind.Tcp));
        Assert.Equal([2404], dissector.TcpPorts);
        Assert.Empty(dissector.UdpPorts);
    }

    [Fact]
    public void Dissect_SeveralApdusInOneSegment_AreSeveralMessagesOfOneFrame()
    {
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        byte[] bytes = Hex(ThreeCommands);
        Assert.Equal(bytes.Length, Feed(flow, bytes, Context(10, true, 2404), sink));
        Assert.Equal(3, sink.Messages.Count);
        Assert.All(sink.Messages, m => Assert.Equal(10, m.Frame));
        Assert.Equal([103L, 100L, 101L], sink.Messages.Select(m => Field(m, "typeId")!.Value));
        Assert.All(sink.Messages, m => Assert.Equal(65535, Field(m, "commonAddr")));
        Assert.All(sink.Messages, m => Assert.Equal(6, Field(m, "cot")));
        Assert.All(sink.Messages, m => Assert.Equal(0, Field(m, "apci")));
        Assert.Equal([OperationClass.TimeSync, OperationClass.Read, OperationClass.Read], sink.Messages.Select(m => m.Operation));
        Assert.Equal(["apci", "typeId", "cot", "commonAddr"], sink.Messages[0].Fields.Select(f => f.Key));
        Assert.Equal("C_CS_NA_1", sink.Messages[0].FunctionName);
        Assert.Equal(65535, sink.Messages[0].Unit);
        Assert.Equal(0, sink.Messages[0].Address);
        Assert.Equal(1, sink.Messages[0].Count);
    }

    [Fact]
    public void Dissect_UFormat_MatchesActivationAndConfirmation()
    {
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex(StartDtAct), Context(6, true, 2404), sink);
        Feed(flow, Hex(StartDtCon), Context(7, false, 2404, seconds: 0.01), sink);
        Assert.Equal(3, Field(sink.Messages[0], "apci"));
        Assert.Equal(0x01, Field(sink.Messages[0], "uType"));
        Assert.Equal(0x02, Field(sink.Messages[1], "uType"));
        Assert.Equal(MessageDirection.Request, sink.Messages[0].Direction);
        Assert.Equal(MessageDirection.Response, sink.Messages[1].Direction);
        Assert.Equal(6, sink.Messages[1].RequestFrame);
        Assert.Equal(TimeSpan.FromMilliseconds(10), sink.Messages[1].Latency);
        Assert.All(sink.Messages, m => Assert.Equal(OperationClass.Session, m.Operation));
    }

    [Fact]
    public void Dissect_Activation_IsMatchedWithConfirmationOrTimesOut()
    {
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex(InterrogationAct), Context(9, true, 2404), sink);
        Feed(flow, Hex(InterrogationCon), Context(12, false, 2404, seconds: 1), sink);
        Assert.Equal(9, sink.Messages[1].RequestFrame);
        Assert.Equal(MessageDirection.Response, sink.Messages[1].Direction);
        Assert.Equal("10", sink.Messages[1].Identity?.DeviceAddress);

        Feed(flow, Hex(InterrogationAct), Context(20, true, 2404), sink);
        flow.Complete(Context(30, true, 2404), sink);
        OtMessage timeout = Assert.Single(sink.Messages, m => m.Status == MessageStatus.Timeout);
        Assert.Equal(20, timeout.RequestFrame);
    }

    [Fact]
    public void Dissect_NegativeConfirmation_IsProtocolError()
    {
        // C_SC_NA_1 actcon with P/N set and cause 47 (unknown information object address).
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex("68 0E 02 00 02 00 2D 01 6F 00 01 00 10 27 00 01"), Context(1, false, 2404), sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.ProtocolError, message.Status);
        Assert.Equal(47, Field(message, "cot"));
        Assert.Equal(OperationClass.Control, message.Operation);
    }

    [Fact]
    public void Dissect_SpontaneousData_IsUnsolicitedEvent()
    {
        // 090813_diverse.pcap frame 37's M_ME_NC_1 is periodic; this one is spontaneous (cause 3).
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Feed(flow, Hex("68 12 0C 00 06 00 0D 01 03 00 01 00 5A 00 00 00 00 20 41 00"), Context(1, false, 2404), sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageDirection.Unsolicited, message.Direction);
        Assert.Equal(OperationClass.Event, message.Operation);
        Assert.Equal(90, message.Address);
    }

    [Theory]
    // TestDissectIec104.pcap frame 11: a length of 2 delimits 4 octets; Wireshark shows no fields.
    [InlineData("68 02 02 68", new string[0])]
    // TestDissectIec104.pcap frame 71: S-format control with length 6.
    [InlineData("68 06 19 19 19 19 19 19", new[] { "apci" })]
    // TestDissectIec104.pcap frame 25: I-format without an ASDU.
    [InlineData("68 04 16 16 16 16", new[] { "apci" })]
    // TestDissectIec104.pcap frame 58: I-format with a 2-octet ASDU: only the type identification.
    [InlineData("68 06 18 18 18 18 18 18", new[] { "apci", "typeId" })]
    // An ASDU cut after the cause of transmission.
    [InlineData("68 08 00 00 00 00 2D 01 06 00", new[] { "apci", "typeId", "cot" })]
    // A U-format APDU whose last control octet is not 0.
    [InlineData("68 04 43 00 00 01", new[] { "apci", "uType" })]
    public void Dissect_DelimitableInvalidApdu_IsMalformedWithTheFieldsItCarries(string hex, string[] keys)
    {
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        byte[] bytes = Hex(hex);
        Assert.Equal(OperationStatus.Done, flow.Dissect(bytes, Context(1, true, 2404), sink, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.NotNull(message.Error);
        Assert.Equal(keys, message.Fields.Select(f => f.Key));
    }

    [Fact]
    public void Dissect_GarbageBeforeApdu_IsSkippedByThePipeline()
    {
        // TestDissectIec104.pcap port 1570: seven 0x07 octets, a U-format-looking APDU of length 5, then TESTFR act.
        var flow = new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp);
        var sink = new RecordingSink();
        Assert.Equal(OperationStatus.InvalidData, flow.Dissect(Hex("07 07"), Context(36, true, 2404), sink, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.NeedMoreData, flow.Dissect(Hex("68"), Context(36, true, 2404), sink, out consumed));
        Assert.Equal(OperationStatus.NeedMoreData, flow.Dissect(Hex("68 04 43 00"), Context(36, true, 2404), sink, out consumed));
        Assert.Equal(0, consumed);

        byte[] stream = Hex("07 07 07 07 07 07 07 68 05 17 17 17 17 17 17 17 68 04 43 00 00 00");
        Assert.Equal(stream.Length, Feed(flow, stream, Context(38, true, 2404), sink));
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(0x05, Field(sink.Messages[0], "uType"));
        Assert.Equal(MessageStatus.Malformed, sink.Messages[0].Status);
        Assert.Equal(0x10, Field(sink.Messages[1], "uType"));
        Assert.Equal(MessageStatus.Ok, sink.Messages[1].Status);
    }
}

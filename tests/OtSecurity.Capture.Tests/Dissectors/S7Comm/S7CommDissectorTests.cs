using FsCheck.Xunit;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.S7Comm;
using OtSecurity.Protocols;
using OtSecurity.Protocols.S7Comm;

namespace OtSecurity.Capture.Tests.Dissectors.S7Comm;

public class S7CommDissectorTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    // Capture packets (see tests/OtSecurity.Protocols.Tests/S7Comm/S7CommVectors.cs for their origin).
    private const string ConnectionRequest = "0300001611e00000000100c0010ac1020100c2020101";
    private const string ConnectionConfirm = "0300001611d00001000100c0010ac1020100c2020101";
    private const string SetupJob = "0300001902f08032010000000000080000f0000001000101e0";
    private const string SetupAckData = "0300001b02f080320300000000000800000000f0000001000101e0";
    private const string SzlRequest = "0300002102f080320700000100000800080001120411440100ff09000400110000";
    private const string SzlResponse = "0300009902f080320700000100000c007c000112081284010000000000ff09007800110000001c0004000136455337203331352d32454831342d304142302000c000040001000636455337203331352d32454831342d304142302000c0000400010007202020202020202020202020202020202020202000c0560302060081426f6f74204c6f61646572202020202020202020000041200909";
    private const string PiInsertJob = "0300002b02f080320100000f00001a000028000000000000fd000a01003041303030303150055f494e5345";
    private const string PiAckData = "0300001402f080320300000f0000010000000028";
    private const string EmptyDt = "0300000702f000";

    private readonly S7CommDissector _dissector = new();

    [Theory]
    [InlineData(ConnectionRequest)]
    [InlineData(ConnectionConfirm)]
    [InlineData(SetupJob)]
    [InlineData(EmptyDt + SetupJob)]
    public void Probe_S7Traffic_Yes(string hex) => Assert.Equal(ContentMatch.Yes, _dissector.Probe(Hex(hex), TransportKind.Tcp));

    [Fact]
    public void Probe_S7CommPlusConnectionRequest_Yes()
    {
        // CR whose called TSAP is the S7comm-plus text "SIMATIC-ROOT-HMI".
        byte[] tsap = "SIMATIC-ROOT-HMI"u8.ToArray();
        byte[] parameters = new byte[2 + tsap.Length];
        Cotp.TryWriteParameter(CotpParameterCode.CalledTsap, tsap, parameters, out _);
        var header = new CotpHeader(CotpPduType.ConnectionRequest, 0, 1);
        byte[] packet = new byte[IsoTcp.GetEncodedLength(header, parameters, default)];
        IsoTcp.TryWrite(header, parameters, default, packet, out _);
        Assert.Equal(ContentMatch.Yes, _dissector.Probe(packet, TransportKind.Tcp));
    }

    [Fact]
    public void Probe_RdpAndMms_No()
    {
        // RDP also runs TPKT/COTP (port 3389) and MMS runs TPKT/COTP on port 102: neither has S7 TSAPs or an S7 PDU.
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Rdp, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.RdpWithCookie, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.RdpConfirm, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.MmsConnectionRequest, TransportKind.Tcp));
    }

    [Fact]
    public void Probe_OrdinaryTraffic_No()
    {
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Http, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Tls, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Ssh, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(Hex(SetupJob), TransportKind.Udp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(Hex("0300000902f0803300"), TransportKind.Tcp)); // DT whose data does not start with 0x32/0x72
    }

    [Theory]
    [InlineData("")]
    [InlineData("03")]
    [InlineData("030000")]
    [InlineData("0300001611e000")]
    [InlineData("0300001902f08032")]
    [InlineData(EmptyDt)]
    public void Probe_PlausiblePrefix_NeedMoreData(string hex) => Assert.Equal(ContentMatch.NeedMoreData, _dissector.Probe(Hex(hex), TransportKind.Tcp));

    [Fact]
    public void Dissect_Handshake_ReportsSessionMessagesAndMatchesTheResponse()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, Hex(ConnectionRequest));
        harness.Feed(2, false, Hex(ConnectionConfirm));
        harness.Feed(3, true, Hex(SetupJob));
        harness.Feed(4, false, Hex(SetupAckData));
        List<OtMessage> m = harness.Sink.Messages;
        Assert.Equal(4, m.Count);
        Assert.All(m, x => Assert.Equal(OperationClass.Session, x.Operation));
        Assert.Empty(m[0].Fields); // COTP CR: no S7 keys
        Assert.Equal("COTP ConnectionRequest", m[0].FunctionName);
        Assert.Equal(1, DissectorHarness.Number(m[2], "rosctr"));
        Assert.Equal(0xF0, m[2].Function);
        Assert.Null(DissectorHarness.Number(m[2], "errClass"));
        Assert.Equal(3, DissectorHarness.Number(m[3], "rosctr"));
        Assert.Equal(0, DissectorHarness.Number(m[3], "errClass"));
        Assert.Equal(MessageDirection.Response, m[3].Direction);
        Assert.Equal(3, m[3].RequestFrame);
        Assert.Equal(TimeSpan.FromMilliseconds(1), m[3].Latency);
    }

    [Fact]
    public void Dissect_PduSplitOverTwoDataTpdus_IsReportedOnceAtTheLastFrame()
    {
        byte[] pdu = Hex(SzlRequest)[7..];
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(10, true, Packet(pdu[..5], eot: false));
        harness.Feed(11, true, Hex(EmptyDt));
        harness.Feed(12, true, Packet(pdu[5..], eot: true));
        OtMessage message = Assert.Single(harness.Sink.Messages);
        Assert.Equal(12, message.Frame);
        Assert.Equal(4, DissectorHarness.Number(message, "funcGroup"));
        Assert.Equal(1, DissectorHarness.Number(message, "subfunc"));
        Assert.Equal(256, DissectorHarness.Number(message, "pduRef"));
        Assert.Null(message.Function);
        Assert.Equal(OperationClass.Identification, message.Operation);
    }

    [Fact]
    public void Dissect_SzlIdentityResponse_CarriesIdentityHint()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, Hex(SzlRequest));
        harness.Feed(2, false, Hex(SzlResponse));
        OtMessage response = harness.Sink.Messages[1];
        Assert.NotNull(response.Identity);
        Assert.Equal("Siemens", response.Identity.Vendor);
        Assert.Equal("6ES7 315-2EH14-0AB0", response.Identity.Model);
        Assert.Equal("V3.2.6", response.Identity.Firmware);
        Assert.Equal(1, response.RequestFrame);
    }

    [Fact]
    public void Dissect_PiServiceAckData_TakesTheRequestsOperation()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, Hex(PiInsertJob));
        harness.Feed(2, false, Hex(PiAckData));
        Assert.Equal(OperationClass.Program, harness.Sink.Messages[0].Operation);
        Assert.Equal(OperationClass.Program, harness.Sink.Messages[1].Operation);
        Assert.Equal(0x28, harness.Sink.Messages[1].Function);
    }

    [Fact]
    public void Dissect_AckWithErrorClass_IsProtocolError()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, false, Hex("0300001302f08032020000060000000000d241"));
        OtMessage m = Assert.Single(harness.Sink.Messages);
        Assert.Equal(MessageStatus.ProtocolError, m.Status);
        Assert.Equal(0xD2, DissectorHarness.Number(m, "errClass"));
        Assert.Equal(0x41, DissectorHarness.Number(m, "errCode"));
    }

    [Fact]
    public void Dissect_DataThatIsNotS7_IsSkippedNotReported()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, Packet([0x0D, 0x01, 0x02], eot: true)); // an ISO 8327 session SPDU (MMS)
        Assert.Empty(harness.Sink.Messages);
        Assert.Single(harness.Sink.Skipped);
    }

    [Fact]
    public void Dissect_TpktWithBadCotp_IsOneMalformedMessage()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, Hex("0300000702a000" + SetupJob));
        Assert.Equal(2, harness.Sink.Messages.Count);
        Assert.Equal(MessageStatus.Malformed, harness.Sink.Messages[0].Status);
        Assert.Equal((int)S7CommError.CotpPduType, harness.Sink.Messages[0].Error!.Value.Code);
        Assert.Equal(0xF0, harness.Sink.Messages[1].Function);
        Assert.Equal(0, harness.SkippedBytes);
    }

    [Fact]
    public void Dissect_Garbage_ResynchronisesOnTheNextPacket()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, [.. "junk"u8, .. Hex(SetupJob)]);
        Assert.Equal(0xF0, Assert.Single(harness.Sink.Messages).Function);
        Assert.Equal(4, harness.SkippedBytes);
    }

    [Fact]
    public void Dissect_S7CommPlus_IsReportedAsS7CommPlus()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, true, Packet(Hex("72 01 0009 31 0000 04ca 0000 0001 72010000"), eot: true));
        OtMessage m = Assert.Single(harness.Sink.Messages);
        Assert.Equal("s7comm-plus", m.Protocol);
        Assert.Equal(0x04CA, m.Function);
        Assert.Equal("CreateObject", m.FunctionName);
        Assert.Equal(OperationClass.Session, m.Operation);
        Assert.Equal(0x31, DissectorHarness.Number(m, "opcode"));
    }

    [Fact]
    public void Complete_UnansweredRequest_IsATimeoutWithItsFunctionButNoPduKeys()
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(5, true, Hex(SetupJob));
        harness.Complete(9);
        OtMessage timeout = harness.Sink.Messages[1];
        Assert.Equal(MessageStatus.Timeout, timeout.Status);
        Assert.Equal(5, timeout.RequestFrame);
        Assert.Empty(timeout.Fields);
        Assert.Equal(0xF0, timeout.Function); // setup communication: the function is kept, the PDU keys are not
    }

    [Property]
    public bool Dissect_ArbitraryTcpSegmentation_YieldsTheSameMessages(int[] cuts)
    {
        byte[][] packets = [Hex(ConnectionRequest), Hex(SetupJob), Hex(EmptyDt), Hex(SzlRequest), Hex(PiInsertJob)];
        byte[] stream = packets.SelectMany(p => p).ToArray();

        var whole = new DissectorHarness(_dissector, 102);
        whole.Feed(1, true, stream);

        var cut = new DissectorHarness(_dissector, 102);
        int[] points = (cuts ?? []).Select(c => (int)((uint)c % (uint)(stream.Length + 1))).Append(stream.Length).Distinct().Order().ToArray();
        int previous = 0;
        foreach (int point in points)
        {
            cut.Feed(point, true, stream.AsSpan(previous, point - previous));
            previous = point;
        }

        return whole.Sink.Messages.Select(DissectorHarness.Summary).SequenceEqual(cut.Sink.Messages.Select(DissectorHarness.Summary));
    }

    [Property(MaxTest = 300)]
    public bool Dissect_ArbitraryBytes_NeverThrow(byte[] bytes, bool toServer)
    {
        var harness = new DissectorHarness(_dissector, 102);
        harness.Feed(1, toServer, bytes ?? []);
        harness.Feed(2, toServer, [.. Hex("0300"), .. bytes ?? []]);
        harness.Complete(3);
        return true;
    }

    private static byte[] Packet(byte[] userData, bool eot)
    {
        CotpHeader header = CotpHeader.Data(eot);
        byte[] packet = new byte[IsoTcp.GetEncodedLength(header, default, userData)];
        IsoTcp.TryWrite(header, default, userData, packet, out _);
        return packet;
    }
}

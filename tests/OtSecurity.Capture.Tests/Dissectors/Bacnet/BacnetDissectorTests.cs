using System.Buffers;
using System.Net;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Bacnet;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Protocols;
using static OtSecurity.Capture.Tests.Dissectors.ProbeSamples;

namespace OtSecurity.Capture.Tests.Dissectors.Bacnet;

public class BacnetDissectorTests
{
    private static readonly OtEndpoint Client = new(IPAddress.Parse("10.1.1.167"), 47808);
    private static readonly OtEndpoint Server = new(IPAddress.Parse("10.1.1.165"), 47808);
    private static readonly BacnetDissector Dissector = new();

    // ReadProperty device,4194303 / model-name and its ACK "MS-NAE4510-2" in UCS-2 (iti-bacnet-test frames 15 and 16).
    private const string ReadModelName = "810a0011 0104 0005010c 0c023fffff1946";
    private const string ModelNameAck = "810a002d 0100 30010c 0c023fffff1946 3e 7519 04 004d0053002d004e004100450034003500310030002d0032 3f";

    [Fact]
    public void Probe_BacnetOnAnyUdpPort_IsRecognised()
    {
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex(ReadModelName), TransportKind.Udp));
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex("81050006ea60"), TransportKind.Udp));
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex("810b000c 0120ffff00ff 1008"), TransportKind.Udp));
    }

    [Theory]
    [InlineData("810a0012 0104 0005010c 0c023fffff1946")] // BVLC length is not the datagram's
    [InlineData("810a0011 0204 0005010c 0c023fffff1946")] // NPDU version 2
    [InlineData("810d0004")] // undefined function
    [InlineData("810a0008 0104 8005")] // reserved APDU type
    [InlineData("81")]
    [InlineData("")]
    public void Probe_NearMisses_AreRefused(string hex)
    {
        Assert.Equal(ContentMatch.No, Dissector.Probe(Hex(hex), TransportKind.Udp));
    }

    [Theory]
    [MemberData(nameof(ProbeSamples.Udp), MemberType = typeof(ProbeSamples))]
    public void Probe_OrdinaryUdp_IsRefused(string name, byte[] payload)
    {
        Assert.True(Dissector.Probe(payload, TransportKind.Udp) == ContentMatch.No, name);
    }

    [Theory]
    [MemberData(nameof(ProbeSamples.Tcp), MemberType = typeof(ProbeSamples))]
    public void Probe_Tcp_IsRefused(string name, byte[] payload)
    {
        Assert.True(Dissector.Probe(payload, TransportKind.Tcp) == ContentMatch.No, name);
    }

    [Fact]
    public void Probe_RandomDatagrams_AreRefused()
    {
        foreach (byte[] payload in Random(20_000, seed: 47808))
        {
            Assert.Equal(ContentMatch.No, Dissector.Probe(payload, TransportKind.Udp));
        }
    }

    [Fact]
    public void Dissect_ReadPropertyAndAck_AreMatchedAndRevealTheModel()
    {
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Udp);
        Assert.Equal(1, Dissect(flow, ReadModelName, 15, Client, Server, sink));
        Assert.Equal(1, Dissect(flow, ModelNameAck, 16, Server, Client, sink));

        OtMessage request = sink.Messages[0];
        Assert.Equal(MessageDirection.Request, request.Direction);
        Assert.Equal(OperationClass.Read, request.Operation);
        Assert.Equal(12, request.Function);
        Assert.Equal("ReadProperty", request.FunctionName);
        Assert.Equal(["bvlc=10", "pduType=0", "service=12", "invokeId=1"], request.Fields.Select(f => $"{f.Key}={f.Number}"));

        OtMessage ack = sink.Messages[1];
        Assert.Equal(MessageDirection.Response, ack.Direction);
        Assert.Equal(15, ack.RequestFrame);
        Assert.Equal(TimeSpan.FromMilliseconds(1), ack.Latency);
        Assert.Equal("MS-NAE4510-2", ack.Identity?.Model);
        Assert.Equal(["bvlc=10", "pduType=3", "service=12", "invokeId=1"], ack.Fields.Select(f => $"{f.Key}={f.Number}"));

        flow.Complete(Context(17, Client, Server), sink);
        Assert.Equal(2, sink.Messages.Count);
    }

    [Fact]
    public void Dissect_IAm_RevealsVendorAndDevice()
    {
        // I-Am device,0, 1024 octets, segmented-both, vendor 154 (icsnpp-bacnet-segmented frame 5).
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), "810b0014 0100 1000 c402000000 220400 9100 219a", 5, Server, Client, sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(OperationClass.Discovery, message.Operation);
        Assert.Equal("IAm", message.FunctionName);
        Assert.Equal(MessageDirection.Response, message.Direction);
        Assert.Equal(0, message.Unit);
        Assert.Equal(154, message.Identity?.VendorId);
        Assert.Equal("Unitec Corporation", message.Identity?.Vendor);
        Assert.Equal("0", message.Identity?.DeviceAddress);
        Assert.DoesNotContain(message.Fields, f => f.Key == "invokeId");
    }

    [Theory]
    [InlineData("810a0015 0104 0005010f 0c00400000 1955 3e 9100 3f", "WriteProperty", OperationClass.Write)] // value is an enumerated 0
    [InlineData("810a0012 0104 00050111 093c 1901 2901 7100", "DeviceCommunicationControl", OperationClass.Unknown)] // malformed: an application tag where [2] belongs
    [InlineData("810a000c 0104 00050114 0900", "ReinitializeDevice", OperationClass.DeviceState)]
    [InlineData("810a0016 0104 00050106 c402800000 0e3100 2201b8 0f", "AtomicReadFile", OperationClass.FileTransfer)]
    [InlineData("810a0011 0104 00050105 0912 1c00000001", "SubscribeCov", OperationClass.Event)]
    public void Dissect_ConfirmedServices_AreClassified(string hex, string name, OperationClass operation)
    {
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), hex, 1, Client, Server, sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(name, message.FunctionName);
        if (operation == OperationClass.Unknown)
        {
            Assert.Equal(MessageStatus.Malformed, message.Status);
            Assert.NotNull(message.Error);
        }
        else
        {
            Assert.Equal(operation, message.Operation);
            Assert.Equal(MessageStatus.Ok, message.Status);
        }
    }

    [Fact]
    public void Dissect_TimeSynchronization_IsTimeSync()
    {
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), "810b0016 0120ffff00ff 1006 a4d90a0101 b40a2c2f33", 1, Client, Server, sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(OperationClass.TimeSync, message.Operation);
        Assert.Equal(MessageDirection.Request, message.Direction);
    }

    [Fact]
    public void Dissect_ErrorRejectAbort_AreProtocolErrorsWithReasons()
    {
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Udp);
        Dissect(flow, "810a000c 0104 00053414 0900", 1, Client, Server, sink);
        Dissect(flow, "810a000d 0100 503414 9105 911a", 2, Server, Client, sink);
        Dissect(flow, "810a0009 0100 603a09", 3, Server, Client, sink);
        Dissect(flow, "810a0009 0100 710100", 4, Server, Client, sink);

        OtMessage error = sink.Messages[1];
        Assert.Equal(MessageStatus.ProtocolError, error.Status);
        Assert.Equal(1, error.RequestFrame);
        Assert.Equal(OperationClass.DeviceState, error.Operation);
        Assert.Contains(new OtField("errorClass", 5, null), error.Fields);
        Assert.Contains(new OtField("errorCode", 26, null), error.Fields);
        Assert.Equal("Reject", sink.Messages[2].FunctionName);
        Assert.Contains(new OtField("reason", 9, null), sink.Messages[2].Fields);
        Assert.Equal(MessageStatus.ProtocolError, sink.Messages[3].Status);
        Assert.Equal("Abort", sink.Messages[3].FunctionName);
    }

    [Fact]
    public void Complete_UnansweredRequest_IsReportedAsTimeout()
    {
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Udp);
        Dissect(flow, ReadModelName, 7, Client, Server, sink);
        flow.Complete(Context(9, Client, Server), sink);
        OtMessage timeout = sink.Messages[1];
        Assert.Equal(MessageStatus.Timeout, timeout.Status);
        Assert.Equal(7, timeout.RequestFrame);
        Assert.Equal(9, timeout.Frame);
        Assert.Equal("ReadProperty", timeout.FunctionName);
        Assert.Empty(timeout.Fields);
    }

    [Fact]
    public void Dissect_BvlcResultNak_IsAProtocolError()
    {
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), "810000060030", 26, Server, Client, sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.ProtocolError, message.Status);
        Assert.Equal("BvlcResult", message.FunctionName);
        Assert.Equal([new OtField("bvlc", 0, null)], message.Fields);
    }

    [Fact]
    public void Dissect_NetworkLayerMessage_IsNamed()
    {
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), "810b0009 0180 01 0005", 1, Server, Client, sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal("IAmRouterToNetwork", message.FunctionName);
        Assert.Equal(OperationClass.Discovery, message.Operation);
        Assert.Equal([new OtField("bvlc", 11, null)], message.Fields);
    }

    [Fact]
    public void Dissect_InvalidNpduInsideValidBvlc_IsMalformedAndConsumed()
    {
        var sink = new CollectingSink();
        var context = Context(1, Client, Server);
        Assert.Equal(OperationStatus.Done, Dissector.CreateFlowDissector(TransportKind.Udp).Dissect(Hex("810a0008 0204 1008"), context, sink, out int consumed));
        Assert.Equal(8, consumed);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.Equal((int)Protocols.Bacnet.BacnetError.NpduVersionInvalid, message.Error?.Code);
        Assert.Equal(4, message.Error?.Offset);
    }

    [Fact]
    public void Dissect_NotBvlc_IsInvalidAndConsumesNothing()
    {
        var sink = new CollectingSink();
        Assert.Equal(OperationStatus.InvalidData, Dissector.CreateFlowDissector(TransportKind.Udp).Dissect(Hex("7f000000"), Context(1, Client, Server), sink, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void Dissect_BvlcLengthLargerThanDatagram_IsReadAsMalformed()
    {
        // Error PDU whose BVLC length (17) copies the request's, in a 13-octet datagram (icsnpp-bacnet-example frame 573).
        var sink = new CollectingSink();
        Assert.Equal(OperationStatus.Done, Dissector.CreateFlowDissector(TransportKind.Udp).Dissect(Hex("810a0011 0104 500114 9105 911a"), Context(573, Server, Client), sink, out int consumed));
        Assert.Equal(13, consumed);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.Equal((int)Protocols.Bacnet.BacnetError.BvlcLengthMismatch, message.Error?.Code);
        Assert.Equal(["bvlc=10", "pduType=5", "service=20", "invokeId=1", "errorClass=5", "errorCode=26"], message.Fields.Select(f => $"{f.Key}={f.Number}"));
    }

    [Fact]
    public void Dissect_BacnetEthernetNpdu_HasNoBvlcKey()
    {
        // BACnet/Ethernet I-Am from SNET 1 / SADR c0a8000dbac0 (bacnet-ip-sample frame 2, LLC SAP 0x82).
        var sink = new CollectingSink();
        var context = new DissectContext(2, DateTime.UnixEpoch, Client, Server, FlowDirection.Unknown, TransportKind.Llc);
        Assert.Equal(OperationStatus.Done, Dissector.CreateFlowDissector(TransportKind.Udp).Dissect(Hex("0128 ffff 00 0001 06 c0a8000dbac0 fe 1000 c40200006f 2132 9103 212a"), context, sink, out _));
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(["pduType=1", "service=0"], message.Fields.Select(f => $"{f.Key}={f.Number}"));
        Assert.Equal(42, message.Identity?.VendorId);
    }

    [Fact]
    public void Pipeline_BacnetEthernetFrame_ReachesTheDissector()
    {
        // An IEEE 802.3 frame: length 31, LLC 82 82 03, then the NPDU, padded to 60 octets.
        byte[] frame = Hex("ffffffffffff 00a0bfc5ac9a 001f 828203 0128ffff000001 06c0a8000dbac0 fe 1000 c40200006f 2132 9103 212a 7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e");
        var capture = new TestCapture().Add(frame);
        var sink = new CollectingSink();
        CaptureRunResult run = new CapturePipeline().Run(new MemoryStream(capture.ToPcap()), sink);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal("bacnet", message.Protocol);
        Assert.Equal(TransportKind.Llc, message.Transport);
        Assert.Equal("[fe80::2a0:bfff:fec5:ac9a]:0", message.Source.ToString());
        Assert.Equal(0, run.Statistics.NonIpFrames);
    }

    [Fact]
    public void Pipeline_BacnetOnPort47809_IsFoundByContent()
    {
        var client = new IPEndPoint(IPAddress.Parse("10.10.10.10"), 47809);
        var server = new IPEndPoint(IPAddress.Parse("192.168.3.100"), 47809);
        var capture = new TestCapture().Udp(client, server, Hex(ReadModelName)).Udp(server, client, Hex(ModelNameAck));
        var sink = new CollectingSink();
        new CapturePipeline().Run(new MemoryStream(capture.ToPcap()), sink);
        Assert.Equal(["ReadProperty", "ReadProperty"], sink.Wire.Select(m => m.FunctionName));
        Assert.All(sink.Wire, m => Assert.Equal("bacnet", m.Protocol));
    }

    private static int Dissect(IFlowDissector flow, string hex, long frame, OtEndpoint source, OtEndpoint destination, CollectingSink sink)
    {
        int before = sink.Messages.Count;
        byte[] datagram = Hex(hex);
        Assert.Equal(OperationStatus.Done, flow.Dissect(datagram, Context(frame, source, destination), sink, out int consumed));
        Assert.Equal(datagram.Length, consumed);
        return sink.Messages.Count - before;
    }

    private static DissectContext Context(long frame, OtEndpoint source, OtEndpoint destination) =>
        new(frame, DateTime.UnixEpoch.AddMilliseconds(frame), source, destination, FlowDirection.Unknown, TransportKind.Udp);
}

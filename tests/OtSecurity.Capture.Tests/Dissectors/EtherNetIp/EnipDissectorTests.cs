using System.Buffers;
using System.Net;
using FsCheck.Xunit;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.EtherNetIp;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;
using OtSecurity.Protocols;
using static OtSecurity.Capture.Tests.Dissectors.ProbeSamples;

namespace OtSecurity.Capture.Tests.Dissectors.EtherNetIp;

public class EnipDissectorTests
{
    private static readonly OtEndpoint Client = new(IPAddress.Parse("192.168.10.105"), 2927);
    private static readonly OtEndpoint Server = new(IPAddress.Parse("192.168.10.120"), 44818);
    private static readonly EnipDissector Dissector = new();

    // RegisterSession request and reply (digitalbond ip-address-change frames 3608 and 3609).
    private const string RegisterRequest = "65000400000000000000000000000000000000000000000001000000";
    private const string RegisterReply = "65000400000202120000000000000000000000000000000001000000";

    // Unconnected_Send of Get_Attributes_All to Identity instance 1, routed to slot 5 (digitalbond ip-address-change frame 52).
    private const string UnconnectedSend = "6f00240000010211000000001781300018a7e10000000000000000000a00020000000000b2001400520220062401069a060001022001240101000105";

    // The reply: the Identity attributes of frame 3613, in the same session and with the same sender context.
    private const string IdentityReply = "6f002e00000102110000000017813000 18a7e10000000000000000000a00020000000000b2001e008100000001000c003a0004073000c3ae51000b313735362d454e42542f41";

    [Theory]
    [InlineData(RegisterRequest)]
    [InlineData("630000000000000000000000000000000000000000000000")] // ListIdentity request
    public void Probe_EncapsulationOnTcp_IsRecognised(string hex)
    {
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex(hex), TransportKind.Tcp));
    }

    [Fact]
    public void Probe_PrefixOfAPacket_NeedsMoreData()
    {
        byte[] packet = Hex(RegisterRequest);
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.Equal(ContentMatch.NeedMoreData, Dissector.Probe(packet.AsSpan(0, length), TransportKind.Tcp));
        }
    }

    [Theory]
    [InlineData("650004000000000000000000000000000000000001000000 01000000")] // options 1
    [InlineData("650004000000000099000000000000000000000000000000 01000000")] // status 0x99 is not defined
    [InlineData("650002000000000000000000000000000000000000000000 0100")] // RegisterSession data of 2 octets
    [InlineData("6700")] // command 0x67 is not defined
    public void Probe_NearMisses_AreRefused(string hex)
    {
        Assert.Equal(ContentMatch.No, Dissector.Probe(Hex(hex), TransportKind.Tcp));
    }

    [Theory]
    [MemberData(nameof(ProbeSamples.Tcp), MemberType = typeof(ProbeSamples))]
    public void Probe_OrdinaryTcp_IsRefused(string name, byte[] payload)
    {
        Assert.True(Dissector.Probe(payload, TransportKind.Tcp) == ContentMatch.No, name);
    }

    [Theory]
    [MemberData(nameof(ProbeSamples.Udp), MemberType = typeof(ProbeSamples))]
    public void Probe_OrdinaryUdp_IsRefused(string name, byte[] payload)
    {
        Assert.True(Dissector.Probe(payload, TransportKind.Udp) == ContentMatch.No, name);
    }

    [Fact]
    public void Probe_RandomPayloads_AreRefused()
    {
        foreach (byte[] payload in Random(20_000, seed: 44818))
        {
            Assert.NotEqual(ContentMatch.Yes, Dissector.Probe(payload, TransportKind.Udp));
            Assert.NotEqual(ContentMatch.Yes, Dissector.Probe(payload, TransportKind.Tcp));
        }
    }

    [Fact]
    public void Probe_ImplicitIoAndListIdentityOnUdp_AreRecognised()
    {
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex("0200 0280 0800 787b3a00 e8cb5e04 b100 0c00 0300fdffffffffffffff0000"), TransportKind.Udp));
        Assert.Equal(ContentMatch.Yes, Dissector.Probe(Hex("630000000000000000000000000000000000000000000000"), TransportKind.Udp));
    }

    [Fact]
    public void Dissect_RegisterSession_IsSession()
    {
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Tcp);
        Dissect(flow, RegisterRequest, 3608, Client, Server, sink, FlowDirection.ToServer);
        Dissect(flow, RegisterReply, 3609, Server, Client, sink, FlowDirection.ToClient);
        Assert.All(sink.Messages, m => Assert.Equal(OperationClass.Session, m.Operation));
        Assert.Equal(MessageDirection.Request, sink.Messages[0].Direction);
        Assert.Equal(MessageDirection.Response, sink.Messages[1].Direction);
        Assert.Equal(["command=101", "session=302121472"], sink.Messages[1].Fields.Select(f => $"{f.Key}={f.Number}"));
    }

    [Fact]
    public void Dissect_UnconnectedSendAndReply_EmitEmbeddedRequestAndIdentity()
    {
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Tcp);
        Assert.Equal(2, Dissect(flow, UnconnectedSend, 8, Client, Server, sink, FlowDirection.ToServer));
        Assert.Equal(1, Dissect(flow, IdentityReply, 9, Server, Client, sink, FlowDirection.ToClient));

        OtMessage send = sink.Messages[0];
        Assert.Equal("UnconnectedSend", send.FunctionName);
        Assert.Equal(OperationClass.Identification, send.Operation);
        Assert.Equal(["command=111", "session=285344000", "cipService=82"], send.Fields.Select(f => $"{f.Key}={f.Number}"));

        OtMessage embedded = sink.Messages[1];
        Assert.Equal("GetAttributesAll", embedded.FunctionName);
        Assert.Equal(["cipService=1"], embedded.Fields.Select(f => $"{f.Key}={f.Number}"));

        OtMessage reply = sink.Messages[2];
        Assert.Equal(8, reply.RequestFrame);
        Assert.Equal("GetAttributesAll", reply.FunctionName);
        Assert.Equal(OperationClass.Identification, reply.Operation);
        Assert.Equal(["command=111", "session=285344000", "cipService=1", "cipStatus=0"], reply.Fields.Select(f => $"{f.Key}={f.Number}"));
        Assert.Equal("Rockwell Automation/Allen-Bradley", reply.Identity?.Vendor);
        Assert.Equal("1756-ENBT/A", reply.Identity?.Product);
        Assert.Equal("CommunicationsAdapter", reply.Identity?.DeviceType);
        Assert.Equal("4.7", reply.Identity?.Firmware);
        Assert.Equal("0051AEC3", reply.Identity?.Serial);
    }

    [Fact]
    public void Dissect_MultipleServicePacketReply_EmitsOneMessagePerService()
    {
        // Connected Multiple_Service_Packet reply with six 0x4E replies (controllogix-factorytalk-hmi frame 105).
        const string Reply = "70004c0000010212000000000000000000000000000000000000000000000200a10004004a050080b1003800a2008a00000006000e0014001a00200026002c00ce0000008200ce0000008300ce0000008400ce0000008500ce0000008600ce0000008700";
        var sink = new CollectingSink();
        Assert.Equal(7, Dissect(Dissector.CreateFlowDissector(TransportKind.Tcp), Reply, 105, Server, Client, sink, FlowDirection.ToClient));
        Assert.Equal([0x0A, 0x4E, 0x4E, 0x4E, 0x4E, 0x4E, 0x4E], sink.Messages.Select(m => m.Fields.First(f => f.Key == "cipService").Number));
        Assert.All(sink.Messages, m => Assert.Equal(0, m.Fields.First(f => f.Key == "cipStatus").Number));
        Assert.Single(sink.Messages, m => m.Fields.Any(f => f.Key == "command"));
    }

    [Fact]
    public void Dissect_ErrorReply_IsAProtocolErrorNamedByItsRequest()
    {
        // Unconnected_Send failed: general status 1, extended status 0x0204 (digitalbond ip-address-change frames 52 and 53).
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Tcp);
        Dissect(flow, UnconnectedSend, 52, Client, Server, sink, FlowDirection.ToServer);
        Dissect(flow, "6f00180000010211000000001781300018a7e10000000000000000000a00020000000000b2000800d200010104020100", 53, Server, Client, sink, FlowDirection.ToClient);
        OtMessage message = sink.Messages[^1];
        Assert.Equal(MessageStatus.ProtocolError, message.Status);
        Assert.Equal("UnconnectedSend", message.FunctionName);
        Assert.Equal(52, message.RequestFrame);
        Assert.Contains(new OtField("cipStatus", 1, null), message.Fields);
    }

    [Fact]
    public void Dissect_UnmatchedObjectSpecificReply_IsNamedByNumber()
    {
        // Without its request, a 0xD2 reply could answer Unconnected_Send or Read_Tag_Fragmented: it is named by number.
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Tcp), "6f00180000010211000000001681300018a7e10000000000000000000a00020000000000b2000800d200010104020100", 51, Server, Client, sink, FlowDirection.ToClient);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal("Service0x52", message.FunctionName);
        Assert.Null(message.RequestFrame);
    }

    [Fact]
    public void Dissect_ListIdentityReply_RevealsIdentity()
    {
        const string Reply = "63003300000000000000000000000000000000000000000001000c002d0001000002af12c0a80a78000000000000000001000c003a0004073000c3ae51000b313735362d454e42542f4103";
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), Reply, 3986, Server, Client, sink, FlowDirection.ToClient, TransportKind.Udp);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(OperationClass.Discovery, message.Operation);
        Assert.Equal("ListIdentity", message.FunctionName);
        Assert.Equal(1, message.Identity?.VendorId);
        Assert.Equal("192.168.10.120:44818", message.Identity?.DeviceAddress);
        Assert.Equal("58", message.Identity?.Model);
    }

    [Fact]
    public void Dissect_ImplicitIo_IsCyclicRead()
    {
        var sink = new CollectingSink();
        Dissect(Dissector.CreateFlowDissector(TransportKind.Udp), "0200 0280 0800 787b3a00 e8cb5e04 b100 0c00 0300fdffffffffffffff0000", 1, Client, Server, sink, FlowDirection.Unknown, TransportKind.Udp);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal("ImplicitIo", message.FunctionName);
        Assert.Equal(OperationClass.Read, message.Operation);
        Assert.Equal(MessageDirection.Unsolicited, message.Direction);
        Assert.Empty(message.Fields);
    }

    [Fact]
    public void Dissect_InvalidCommandData_IsMalformedAndConsumed()
    {
        var sink = new CollectingSink();
        var context = new DissectContext(1, DateTime.UnixEpoch, Client, Server, FlowDirection.ToServer, TransportKind.Tcp);
        Assert.Equal(OperationStatus.Done, Dissector.CreateFlowDissector(TransportKind.Tcp).Dissect(Hex("650002000000000000000000000000000000000000000000 0100"), context, sink, out int consumed));
        Assert.Equal(26, consumed);
        OtMessage message = Assert.Single(sink.Messages);
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.Equal(["command=101", "session=0"], message.Fields.Select(f => $"{f.Key}={f.Number}"));
    }

    [Fact]
    public void Dissect_OversizeLength_IsInvalidAndConsumesNothing()
    {
        var sink = new CollectingSink();
        var context = new DissectContext(1, DateTime.UnixEpoch, Client, Server, FlowDirection.ToServer, TransportKind.Tcp);
        Assert.Equal(OperationStatus.InvalidData, Dissector.CreateFlowDissector(TransportKind.Tcp).Dissect(Hex("6f00ffff"), context, sink, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void Complete_UnansweredRequest_IsReportedAsTimeout()
    {
        var sink = new CollectingSink();
        IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Tcp);
        Dissect(flow, UnconnectedSend, 8, Client, Server, sink, FlowDirection.ToServer);
        flow.Complete(new DissectContext(10, DateTime.UnixEpoch, Client, Server, FlowDirection.ToServer, TransportKind.Tcp), sink);
        OtMessage timeout = sink.Messages[^1];
        Assert.Equal(MessageStatus.Timeout, timeout.Status);
        Assert.Equal(8, timeout.RequestFrame);
        Assert.Equal("UnconnectedSend", timeout.FunctionName);
    }

    [Property(MaxTest = 200)]
    public bool Segmentation_OfATcpStream_YieldsTheSameMessages(int[] cuts)
    {
        string[] packets = [RegisterRequest, UnconnectedSend, IdentityReply, RegisterReply];
        byte[] stream = [.. packets.SelectMany(Hex)];
        List<string> whole = Run([stream]);
        var chunks = new List<byte[]>();
        cuts = cuts is { Length: > 0 } ? cuts : [int.MaxValue];
        for (int position = 0, next = 0; position < stream.Length;)
        {
            int size = 1 + (int)((uint)cuts[next++ % cuts.Length] % 40);
            int end = Math.Min(stream.Length, position + size);
            chunks.Add(stream[position..end]);
            position = end;
        }

        return whole.Count == 5 && whole.SequenceEqual(Run(chunks));

        static List<string> Run(List<byte[]> chunks)
        {
            var sink = new CollectingSink();
            IFlowDissector flow = Dissector.CreateFlowDissector(TransportKind.Tcp);
            var pending = new List<byte>();
            long frame = 0;
            foreach (byte[] chunk in chunks)
            {
                pending.AddRange(chunk);
                frame++;
                while (pending.Count > 0)
                {
                    byte[] buffered = [.. pending];
                    var context = new DissectContext(frame, DateTime.UnixEpoch, Client, Server, FlowDirection.Unknown, TransportKind.Tcp);
                    if (flow.Dissect(buffered, context, sink, out int consumed) != OperationStatus.Done)
                    {
                        break;
                    }

                    pending.RemoveRange(0, consumed);
                }
            }

            return sink.Messages.Select(m => $"{m.FunctionName}:{string.Join(',', m.Fields.Select(f => $"{f.Key}={f.Number}"))}").ToList();
        }
    }

    [Fact]
    public void Pipeline_EnipOnTcp2000_IsFoundByContent()
    {
        var client = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 50200);
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 2000);
        byte[] request = Hex(RegisterRequest);
        byte[] reply = Hex(RegisterReply);
        var capture = new TestCapture()
            .Handshake(client, server)
            .Tcp(client, server, 1001, TcpFlags.Psh, request, ack: 5001)
            .Tcp(server, client, 5001, TcpFlags.Psh, reply, ack: 1001 + (uint)request.Length);
        var sink = new CollectingSink();
        new CapturePipeline().Run(new MemoryStream(capture.ToPcap()), sink);
        Assert.Equal(["enip", "enip"], sink.Wire.Select(m => m.Protocol));
    }

    private static int Dissect(IFlowDissector flow, string hex, long frame, OtEndpoint source, OtEndpoint destination, CollectingSink sink, FlowDirection direction, TransportKind transport = TransportKind.Tcp)
    {
        int before = sink.Messages.Count;
        byte[] bytes = Hex(hex);
        var context = new DissectContext(frame, DateTime.UnixEpoch.AddMilliseconds(frame), source, destination, direction, transport);
        Assert.Equal(OperationStatus.Done, flow.Dissect(bytes, context, sink, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        return sink.Messages.Count - before;
    }
}

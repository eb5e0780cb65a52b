using System.Net;
using System.Text;
using OtSecurity.Capture.Dispatch;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Dispatch;

public sealed class DispatchTests
{
    private static readonly IPEndPoint Client = new(IPAddress.Parse("10.0.0.1"), 50123);

    [Fact]
    public void WellKnownPort_ClaimsTheFlowAndMakesThatSideTheServer()
    {
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 502);
        var capture = new TestCapture()
            .Tcp(Client, server, 1, TcpFlags.Psh, MbapLikeDissector.Frame(1, 1, 3), ack: 1)
            .Tcp(server, Client, 1, TcpFlags.Psh, MbapLikeDissector.Frame(1, 1, 3, [2, 0, 1]), ack: 9);

        var (sink, result) = PipelineRunner.Run(capture);

        Assert.Equal(1, result.Statistics.FlowsByPort);
        Assert.Equal([MessageDirection.Request, MessageDirection.Response], sink.Wire.Select(m => m.Direction));
        Assert.Equal([1L, 2L], sink.Wire.Select(m => m.Frame));
    }

    [Fact]
    public void ContentProbe_OnAnyPort_ClaimsTheFlowAndReplaysItsFirstBytesWithTheirFrames()
    {
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 5020);

        // The first request is split: the probe needs both pieces (frames 4 and 5) before it can say yes.
        var request = MbapLikeDissector.Frame(1, 1, 3, [0, 0x10, 0, 2]);
        var response = MbapLikeDissector.Frame(1, 1, 3, [4, 0, 1, 0, 2]);
        var capture = new TestCapture()
            .Handshake(Client, server)
            .Tcp(Client, server, 1001, TcpFlags.Psh, request.AsSpan(0, 5), ack: 5001)
            .Tcp(Client, server, 1006, TcpFlags.Psh, request.AsSpan(5), ack: 5001)
            .Tcp(server, Client, 5001, TcpFlags.Psh, response, ack: 1001 + (uint)request.Length);

        var (sink, result) = PipelineRunner.Run(capture);

        Assert.Equal(1, result.Statistics.FlowsByContent);
        Assert.Equal(0, result.Statistics.FlowsByPort);
        Assert.Equal([(5L, MessageDirection.Request), (6L, MessageDirection.Response)], sink.Wire.Select(m => (m.Frame, m.Direction)));
        Assert.Equal(0, result.Statistics.BufferedBytes);
    }

    [Fact]
    public void DecodeAs_ForcesTheProtocolAndTheServerSide()
    {
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 1502);
        var refusing = new RefusingDissector();
        var capture = new TestCapture()
            .Tcp(Client, server, 1, TcpFlags.Psh, MbapLikeDissector.Frame(7, 1, 6, [0, 1, 0, 3]), ack: 1);
        var options = new CapturePipelineOptions
        {
            Dissectors = [refusing, new MbapLikeDissector("modbus", 502)],
            DecodeAs = [DecodeAsRule.Parse("tcp:1502=modbus")],
        };

        var (sink, result) = PipelineRunner.Run(capture, options);

        Assert.Equal(1, result.Statistics.FlowsByDecodeAs);
        var message = Assert.Single(sink.Wire);
        Assert.Equal(MessageDirection.Request, message.Direction);
        Assert.Equal(0, refusing.ProbeCalls);
    }

    [Fact]
    public void DecodeAs_UnknownProtocol_IsRejectedWithTheKnownOnes()
    {
        var options = new CapturePipelineOptions
        {
            Dissectors = [new MbapLikeDissector("modbus", 502)],
            DecodeAs = [DecodeAsRule.Parse("udp:47809=bacnet")],
        };

        var error = Assert.Throws<ArgumentException>(() => new CapturePipeline(options));
        Assert.Contains("no dissector for protocol 'bacnet' (known: modbus)", error.Message);
    }

    [Theory]
    [InlineData("tcp:5020=modbus", TransportKind.Tcp, 5020, "modbus")]
    [InlineData("UDP:47809=BACnet", TransportKind.Udp, 47809, "bacnet")]
    [InlineData(" tcp : 1 = x ", TransportKind.Tcp, 1, "x")]
    public void DecodeAsRule_Parses(string text, TransportKind transport, int port, string protocol)
    {
        Assert.True(DecodeAsRule.TryParse(text, out var rule, out _));
        Assert.Equal(new DecodeAsRule(transport, port, protocol), rule);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("tcp5020=modbus", "expected tcp:PORT=PROTOCOL")]
    [InlineData("sctp:5020=modbus", "neither tcp nor udp")]
    [InlineData("tcp:70000=modbus", "not a number from 1 to 65535")]
    [InlineData("tcp:0=modbus", "not a number from 1 to 65535")]
    [InlineData("tcp:-5=modbus", "not a number from 1 to 65535")]
    [InlineData("tcp:502=", "expected tcp:PORT=PROTOCOL")]
    public void DecodeAsRule_RejectsWithTheReason(string text, string reason)
    {
        Assert.False(DecodeAsRule.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void ServerSide_WithoutAKnownPort_IsTakenFromTheSyn()
    {
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 40000);
        var client = new IPEndPoint(IPAddress.Parse("10.0.0.9"), 30000); // the client has the lower port
        var capture = new TestCapture()
            .Handshake(client, server)
            .Tcp(client, server, 1001, TcpFlags.Psh, MbapLikeDissector.Frame(1, 1, 3), ack: 5001)
            .Tcp(server, client, 5001, TcpFlags.Psh, MbapLikeDissector.Frame(1, 1, 3, [2, 0, 0]), ack: 1009);

        var (sink, _) = PipelineRunner.Run(capture);

        Assert.Equal([MessageDirection.Request, MessageDirection.Response], sink.Wire.Select(m => m.Direction));
    }

    [Fact]
    public void TwoKnownPorts_TheLowerWins()
    {
        var dispatcher = new ProtocolDispatcher([new MbapLikeDissector("modbus", 502), new MbapLikeDissector("other", 20000)]);

        Assert.Equal(DispatchReason.Port, dispatcher.TryByPort(TransportKind.Tcp, 20000, 502, out var dissector, out var serverPort));
        Assert.Equal(("modbus", 502), (dissector!.Protocol, serverPort));
    }

    [Fact]
    public void DuplicateProtocolNames_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new ProtocolDispatcher([new MbapLikeDissector("modbus", 502), new MbapLikeDissector("modbus", 503)]));
    }

    public static TheoryData<string, int, bool, string> OrdinaryTraffic => new()
    {
        { "http request", 80, true, "GET /index.html HTTP/1.1\r\nHost: plant.example\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n\r\n" },
        { "http response", 8080, false, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello" },
        { "ssh banner", 22, true, "SSH-2.0-OpenSSH_9.6p1 Debian-3\r\n" },
        { "smtp greeting", 25, false, "220 mail.example ESMTP Postfix\r\n" },
        { "tls client hello", 443, true, "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003" + new string('\u0042', 32) + "\u0000\u0000\u0020\u00c0\u002b\u00c0\u002f" + new string('\u0013', 28) },
        { "smb negotiate", 445, true, "\u0000\u0000\u0000\u0054\u00feSMB\u0040\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" + new string('\u0000', 64) },
        { "rdp connection request", 3389, true, "\u0003\u0000\u0000\u0013\u000e\u00e0\u0000\u0000\u0000\u0000\u0000\u0001\u0000\u0008\u0000\u0003\u0000\u0000\u0000" },
        { "redis", 6379, true, "*1\r\n$4\r\nPING\r\n" },
        { "mysql greeting", 3306, false, "\u004a\u0000\u0000\u0000\u000a8.0.36\u0000\u0008\u0000\u0000\u0000" + new string('\u0041', 60) },
        { "dns query", 53, true, "udp" },
        { "ntp request", 123, true, "udp" },
    };

    [Theory]
    [MemberData(nameof(OrdinaryTraffic))]
    public void OrdinaryTraffic_IsClaimedByNoRegisteredDissector(string name, int port, bool fromClient, string payload)
    {
        var server = new IPEndPoint(IPAddress.Parse("192.0.2.10"), port);
        var client = new IPEndPoint(IPAddress.Parse("192.0.2.20"), 51515);
        var capture = new TestCapture();
        if (payload == "udp")
        {
            byte[] datagram = name.StartsWith("dns", StringComparison.Ordinal)
                ? Convert.FromHexString("1a2b01000001000000000000076578616d706c6503636f6d0000010001")
                : [0x23, 0, 6, 0xEC, .. new byte[44]];
            capture.Udp(client, server, datagram).Udp(server, client, datagram);
        }
        else
        {
            var bytes = Encoding.Latin1.GetBytes(payload);
            capture.Handshake(client, server);
            if (fromClient)
            {
                capture.Tcp(client, server, 1001, TcpFlags.Psh, bytes, ack: 5001);
            }
            else
            {
                capture.Tcp(server, client, 5001, TcpFlags.Psh, bytes, ack: 1001);
            }
        }

        // Every catalogued dissector, plus the test dissector, on its usual ports moved out of the way.
        var options = new CapturePipelineOptions { Dissectors = [.. DissectorCatalog.All, new MbapLikeDissector("mbaplike", 502)] };
        var (sink, result) = PipelineRunner.Run(capture, options);

        Assert.Empty(sink.Messages);
        Assert.Equal(0, result.Statistics.FlowsByContent);
    }

    private sealed class RefusingDissector : IProtocolDissector
    {
        public string Protocol => "refusing";

        public IReadOnlyList<int> TcpPorts => [];

        public IReadOnlyList<int> UdpPorts => [];

        public int ProbeCalls { get; private set; }

        public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
        {
            ProbeCalls++;
            return ContentMatch.No;
        }

        public IFlowDissector CreateFlowDissector(TransportKind transport) => throw new InvalidOperationException("never chosen");
    }
}

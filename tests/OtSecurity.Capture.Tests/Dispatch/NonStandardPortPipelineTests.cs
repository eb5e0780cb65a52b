using System.Net;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;
using static OtSecurity.Capture.Tests.Dissectors.ProbeSamples;

namespace OtSecurity.Capture.Tests.Dispatch;

/// <summary>
/// Issue 4: a protocol on a port nobody registered (OPC UA on 4841, S7 behind a gateway, a second DNP3 or
/// IEC 104 listener, Modbus on 5020) is still found by content through the whole pipeline, and ordinary
/// traffic on those same ports is claimed by nobody.
/// </summary>
public class NonStandardPortPipelineTests
{
    public static TheoryData<string, int, string, string> Conversations => new()
    {
        // OPC UA Hello / Acknowledge (icsnpp-python-opcua-minimal.pcap frames 7 and 9) on 4841.
        {
            "opcua", 4841,
            "48454c464a00000000000000000001000000010000000000000000002a0000006f70632e7463703a2f2f6c6f63616c686f73743a343834302f667265656f706375612f7365727665722f",
            "41434b461c0000000000000000000100000001000000000000000000"
        },
        // S7comm setup communication job / ack-data over TPKT+COTP DT, behind a gateway on 10102.
        {
            "s7comm", 10102,
            "0300001902f08032010000000000080000f0000001000101e0",
            "0300001b02f080320300000000000800000000f0000001000101e0"
        },
        // DNP3 READ class 1/2/3 and the null RESPONSE (dnp3-counter-polling.pcap frames 1 and 2) on 20001.
        {
            "dnp3", 20001,
            "056411C401000200C35ACACA013C02063C03063C04066BF5",
            "05640A4402000100 10F0 CBCA810000 59E5"
        },
        // IEC 104 STARTDT act / con on 2405.
        { "iec104", 2405, "680407000000", "68040B000000" },
        // Modbus/TCP read holding registers 0 and 1 of unit 1 and its answer (7, 8), on 5020.
        {
            "modbus", 5020,
            "000100000006010300000002",
            "00010000000701030400070008"
        },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public void Pipeline_ProtocolOnANonStandardPort_IsFoundByContent(string protocol, int port, string request, string response)
    {
        var sink = Run(port, Hex(request), Hex(response));

        Assert.Equal([protocol, protocol], sink.Wire.Select(m => m.Protocol));
        Assert.Empty(sink.Skipped);
    }

    [Theory]
    [InlineData(4841)]
    [InlineData(10102)]
    [InlineData(20001)]
    [InlineData(2405)]
    [InlineData(5020)]
    public void Pipeline_OrdinaryTrafficOnThosePorts_IsClaimedByNobody(int port)
    {
        var sink = Run(port, "GET / HTTP/1.1\r\nHost: historian\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray());

        Assert.Empty(sink.Messages);
    }

    private static CollectingSink Run(int port, byte[] request, byte[] response)
    {
        var client = new IPEndPoint(IPAddress.Parse("10.20.0.5"), 50123);
        var server = new IPEndPoint(IPAddress.Parse("10.20.0.9"), port);
        var capture = new TestCapture()
            .Handshake(client, server)
            .Tcp(client, server, 1001, TcpFlags.Psh, request, ack: 5001)
            .Tcp(server, client, 5001, TcpFlags.Psh, response, ack: 1001 + (uint)request.Length);
        var sink = new CollectingSink();
        new CapturePipeline().Run(new MemoryStream(capture.ToPcap()), sink);
        return sink;
    }
}

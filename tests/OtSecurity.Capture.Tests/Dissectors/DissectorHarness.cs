using System.Buffers;
using System.Net;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Tests.Dissectors;

/// <summary>Collects what a flow dissector reports.</summary>
internal sealed class RecordingSink : IOtMessageSink
{
    public List<OtMessage> Messages { get; } = [];

    public List<(long Frame, ProtocolError Error, int Bytes)> Skipped { get; } = [];

    public void OnMessage(OtMessage message) => Messages.Add(message);

    public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped) => Skipped.Add((context.Frame, error, bytesSkipped));
}

/// <summary>
/// Drives a flow dissector the way the capture pipeline does: per direction, append the segment, call Dissect until
/// it needs more data, skip one byte on InvalidData.
/// </summary>
internal sealed class DissectorHarness
{
    private static readonly OtEndpoint Client = new(IPAddress.Parse("10.0.0.1"), 50000);
    private readonly List<byte>[] _pending = [[], []];
    private readonly IFlowDissector _flow;

    public DissectorHarness(IProtocolDissector dissector, int serverPort)
    {
        _flow = dissector.CreateFlowDissector(TransportKind.Tcp);
        Server = new OtEndpoint(IPAddress.Parse("10.0.0.2"), serverPort);
    }

    public OtEndpoint Server { get; }

    public RecordingSink Sink { get; } = new();

    public int SkippedBytes { get; private set; }

    public void Feed(long frame, bool toServer, ReadOnlySpan<byte> segment)
    {
        List<byte> pending = _pending[toServer ? 0 : 1];
        pending.AddRange(segment.ToArray());
        var context = new DissectContext(frame, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(frame), toServer ? Client : Server, toServer ? Server : Client, toServer ? FlowDirection.ToServer : FlowDirection.ToClient, TransportKind.Tcp);
        while (pending.Count > 0)
        {
            byte[] buffer = pending.ToArray();
            OperationStatus status = _flow.Dissect(buffer, context, Sink, out int consumed);
            if (status == OperationStatus.Done)
            {
                Assert.InRange(consumed, 1, buffer.Length);
                pending.RemoveRange(0, consumed);
            }
            else if (status == OperationStatus.NeedMoreData)
            {
                Assert.Equal(0, consumed);
                break;
            }
            else
            {
                Assert.Equal(0, consumed);
                pending.RemoveAt(0);
                SkippedBytes++;
            }
        }
    }

    public void Complete(long frame) => _flow.Complete(new DissectContext(frame, DateTime.UnixEpoch, Client, Server, FlowDirection.Unknown, TransportKind.Tcp), Sink);

    /// <summary>A comparable summary of a message: its keys as the jsonl contract writes them, without the frame.</summary>
    public static string Summary(OtMessage m)
        => $"{m.Protocol} {m.Direction} {m.Operation} {m.Status} f={m.Function} {m.FunctionName} " + string.Join(' ', m.Fields.Select(f => $"{f.Key}={f.Text ?? f.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    public static long? Number(OtMessage m, string key) => m.Fields.FirstOrDefault(f => f.Key == key).Number;

    public static string? Text(OtMessage m, string key) => m.Fields.FirstOrDefault(f => f.Key == key).Text;
}

/// <summary>Bytes of ordinary traffic that no OT probe may claim.</summary>
internal static class OrdinaryTraffic
{
    public static byte[] Http => "GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n"u8.ToArray();

    // TLS 1.2 ClientHello record header and the start of the handshake.
    public static byte[] Tls => Convert.FromHexString("16030100a5010000a10303" + new string('a', 64));

    public static byte[] Ssh => "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"u8.ToArray();

    // RDP X.224 connection request with an mstshash cookie and an RDP negotiation request (MS-RDPBCGR 2.2.1.1).
    public static byte[] RdpWithCookie => Convert.FromHexString("0300002c27e00000000000436f6f6b69653a206d737473686173683d7573657231320d0a0100080003000000");

    // RDP X.224 connection request with only the negotiation request.
    public static byte[] Rdp => Convert.FromHexString("030000130ee000000000000100080003000000");

    // RDP X.224 connection confirm with the negotiation response.
    public static byte[] RdpConfirm => Convert.FromHexString("030000130ed000001234000200080001000000");

    // IEC 61850 MMS over ISO-on-TCP: COTP CR with TSAPs 0x0001 (not S7 connection types).
    public static byte[] MmsConnectionRequest => Convert.FromHexString("0300001611e00000000100c0010ac2020001c1020001");
}

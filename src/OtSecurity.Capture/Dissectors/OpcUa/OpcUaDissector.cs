using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols.OpcUa;

namespace OtSecurity.Capture.Dissectors.OpcUa;

/// <summary>
/// OPC UA binary (UA TCP and UA SecureConversation, OPC 10000-6) on TCP port 4840 or any port where the content
/// matches: a valid message type, chunk type and size whose body also reads (for HEL the endpoint URL must start
/// with "opc.tcp://", for RHE too), so OPC UA on 4841 or 48010 is found and HTTP, TLS, SSH or RDP never are.
/// </summary>
public sealed class OpcUaDissector : IProtocolDissector
{
    private static readonly int[] Ports = [4840];

    /// <inheritdoc />
    public string Protocol => "opcua";

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts => Ports;

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts => [];

    /// <inheritdoc />
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        if (transport != TransportKind.Tcp)
        {
            return ContentMatch.No;
        }

        OperationStatus status = OpcUaFrame.TryRead(payload, out OpcUaFrame frame, out _);
        if (status == OperationStatus.NeedMoreData)
        {
            return ContentMatch.NeedMoreData;
        }

        if (status == OperationStatus.InvalidData)
        {
            return ContentMatch.No;
        }

        return frame.MessageType switch
        {
            OpcUaMessageType.Hello => OpcUaHello.TryRead(frame.Body, out OpcUaHello hello) && IsOpcTcpUrl(hello.EndpointUrl) ? ContentMatch.Yes : ContentMatch.No,
            OpcUaMessageType.ReverseHello => OpcUaReverseHello.TryRead(frame.Body, out OpcUaReverseHello rhe) && IsOpcTcpUrl(rhe.EndpointUrl) ? ContentMatch.Yes : ContentMatch.No,
            _ => ContentMatch.Yes,
        };
    }

    /// <summary>True when the URL starts with "opc.tcp://" (ASCII, case-insensitive scheme).</summary>
    /// <param name="url">URL octets.</param>
    /// <returns>Whether it is an opc.tcp URL.</returns>
    internal static bool IsOpcTcpUrl(ReadOnlySpan<byte> url)
    {
        ReadOnlySpan<byte> scheme = "opc.tcp://"u8;
        if (url.Length < scheme.Length)
        {
            return false;
        }

        for (int i = 0; i < scheme.Length; i++)
        {
            if ((url[i] | 0x20) != (scheme[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new OpcUaFlowDissector();
}

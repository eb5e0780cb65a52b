using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Capture.Dissectors.Dnp3;

/// <summary>
/// DNP3 over TCP and UDP (IEEE 1815-2012 Annex E, port 20000). The content probe accepts a flow whose first bytes are
/// a DNP3 link header: start octets 0x05 0x64, a LENGTH of at least 5 and a matching header CRC.
/// </summary>
public sealed class Dnp3Dissector : IProtocolDissector
{
    /// <summary>The well-known port (TCP and UDP).</summary>
    public const int Port = 20000;

    /// <inheritdoc />
    public string Protocol => "dnp3";

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts { get; } = [Port];

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts { get; } = [Port];

    /// <inheritdoc />
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        OperationStatus status = Dnp3LinkFrame.TryReadHeader(payload, out _, out _);
        return status switch
        {
            OperationStatus.Done => ContentMatch.Yes,
            OperationStatus.NeedMoreData when transport == TransportKind.Tcp && !payload.IsEmpty => ContentMatch.NeedMoreData,
            _ => ContentMatch.No,
        };
    }

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new Dnp3FlowDissector();
}

namespace OtSecurity.Capture.Dissection;

/// <summary>
/// A protocol that the capture pipeline can recognise and dissect. One stateless instance per protocol,
/// registered with the dispatcher; it creates one <see cref="IFlowDissector"/> per flow.
/// </summary>
public interface IProtocolDissector
{
    /// <summary>Protocol short name as used in <see cref="OtMessage.Protocol"/> and in <c>--decode-as</c> (for example <c>modbus</c>).</summary>
    string Protocol { get; }

    /// <summary>Well-known TCP server ports (empty when the protocol does not run on TCP).</summary>
    IReadOnlyList<int> TcpPorts { get; }

    /// <summary>Well-known UDP ports (empty when the protocol does not run on UDP).</summary>
    IReadOnlyList<int> UdpPorts { get; }

    /// <summary>
    /// Decides from content alone whether a flow speaks this protocol. For TCP, <paramref name="payload"/>
    /// is the first bytes of one direction of the stream; for UDP, one datagram. Must be strict enough that
    /// ordinary traffic (HTTP, TLS, SSH, DNS, SMB, ...) is never claimed.
    /// </summary>
    /// <param name="payload">The first bytes seen.</param>
    /// <param name="transport">TCP or UDP.</param>
    /// <returns>Yes, No, or NeedMoreData when the bytes are a plausible but too short prefix.</returns>
    ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport);

    /// <summary>Creates the per-flow state (request/response matching, multi-frame reassembly).</summary>
    /// <param name="transport">TCP or UDP.</param>
    /// <returns>A new flow dissector.</returns>
    IFlowDissector CreateFlowDissector(TransportKind transport);
}

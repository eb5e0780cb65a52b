using OtSecurity.Capture.Dissection;

namespace OtSecurity.Capture.Dispatch;

/// <summary>
/// Chooses the dissector of a flow: a <c>--decode-as</c> rule on either port first, then a well-known port (the lower
/// port first when both are known, as Wireshark does), then the content probes of every registered dissector, in
/// registration order, over the flow's first bytes.
/// </summary>
public sealed class ProtocolDispatcher
{
    private readonly IProtocolDissector[] _dissectors;
    private readonly Dictionary<int, IProtocolDissector> _tcpDecodeAs = [];
    private readonly Dictionary<int, IProtocolDissector> _udpDecodeAs = [];
    private readonly Dictionary<int, IProtocolDissector> _tcpPorts = [];
    private readonly Dictionary<int, IProtocolDissector> _udpPorts = [];

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="dissectors">The registered dissectors (protocol names must be unique).</param>
    /// <param name="decodeAs">Rules that force a protocol on a port.</param>
    /// <exception cref="ArgumentException">Two dissectors share a name, or a rule names an unknown protocol.</exception>
    public ProtocolDispatcher(IEnumerable<IProtocolDissector> dissectors, IEnumerable<DecodeAsRule>? decodeAs = null)
    {
        ArgumentNullException.ThrowIfNull(dissectors);
        _dissectors = [.. dissectors];
        var byName = new Dictionary<string, IProtocolDissector>(StringComparer.OrdinalIgnoreCase);
        foreach (var dissector in _dissectors)
        {
            if (!byName.TryAdd(dissector.Protocol, dissector))
            {
                throw new ArgumentException($"Two dissectors are registered for protocol '{dissector.Protocol}'.", nameof(dissectors));
            }

            foreach (var port in dissector.TcpPorts)
            {
                _tcpPorts.TryAdd(port, dissector);
            }

            foreach (var port in dissector.UdpPorts)
            {
                _udpPorts.TryAdd(port, dissector);
            }
        }

        foreach (var rule in decodeAs ?? [])
        {
            if (!byName.TryGetValue(rule.Protocol, out var dissector))
            {
                var known = byName.Count == 0 ? "none is registered" : "known: " + string.Join(", ", byName.Keys.Order(StringComparer.Ordinal));
                throw new ArgumentException($"decode-as {rule}: no dissector for protocol '{rule.Protocol}' ({known}).", nameof(decodeAs));
            }

            (rule.Transport == TransportKind.Tcp ? _tcpDecodeAs : _udpDecodeAs)[rule.Port] = dissector;
        }
    }

    /// <summary>The registered dissectors, in probe order.</summary>
    public IReadOnlyList<IProtocolDissector> Dissectors => _dissectors;

    /// <summary>Chooses a dissector from the ports of a flow.</summary>
    /// <param name="transport">TCP or UDP.</param>
    /// <param name="sourcePort">The first packet's source port.</param>
    /// <param name="destinationPort">The first packet's destination port.</param>
    /// <param name="dissector">The dissector, when a port decides.</param>
    /// <param name="serverPort">The port that decided (the server's), or 0 when both ports decided for the same dissector.</param>
    /// <returns><see cref="DispatchReason.DecodeAs"/>, <see cref="DispatchReason.Port"/> or <see cref="DispatchReason.None"/>.</returns>
    public DispatchReason TryByPort(TransportKind transport, int sourcePort, int destinationPort, out IProtocolDissector? dissector, out int serverPort)
    {
        var tcp = transport == TransportKind.Tcp;
        if (Choose(tcp ? _tcpDecodeAs : _udpDecodeAs, sourcePort, destinationPort, out dissector, out serverPort))
        {
            return DispatchReason.DecodeAs;
        }

        return Choose(tcp ? _tcpPorts : _udpPorts, sourcePort, destinationPort, out dissector, out serverPort)
            ? DispatchReason.Port
            : DispatchReason.None;
    }

    /// <summary>The dissector of a protocol that runs directly on IEEE 802.2 LLC with <paramref name="serviceAccessPoint"/>.</summary>
    /// <param name="serviceAccessPoint">The LLC SAP.</param>
    /// <returns>The dissector, or <see langword="null"/>.</returns>
    public ILlcProtocolDissector? FindLlc(byte serviceAccessPoint)
    {
        foreach (var dissector in _dissectors)
        {
            if (dissector is ILlcProtocolDissector llc && llc.LlcServiceAccessPoint == serviceAccessPoint)
            {
                return llc;
            }
        }

        return null;
    }

    /// <summary>True when at least one dissector is registered, so flows without a known port are worth probing.</summary>
    public bool CanProbe => _dissectors.Length > 0;

    /// <summary>Asks every dissector's probe, in registration order, about a flow's first bytes.</summary>
    /// <param name="payload">The first bytes of one direction (TCP) or one datagram (UDP).</param>
    /// <param name="transport">TCP or UDP.</param>
    /// <param name="dissector">The first dissector that answered Yes.</param>
    /// <returns>Yes (a dissector claimed it), NeedMoreData (none claimed it, at least one wants more bytes) or No.</returns>
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport, out IProtocolDissector? dissector)
    {
        dissector = null;
        var result = ContentMatch.No;
        foreach (var candidate in _dissectors)
        {
            var match = candidate.Probe(payload, transport);
            if (match == ContentMatch.Yes)
            {
                dissector = candidate;
                return ContentMatch.Yes;
            }

            if (match == ContentMatch.NeedMoreData)
            {
                result = ContentMatch.NeedMoreData;
            }
        }

        return result;
    }

    private static bool Choose(Dictionary<int, IProtocolDissector> table, int sourcePort, int destinationPort, out IProtocolDissector? dissector, out int serverPort)
    {
        dissector = null;
        serverPort = 0;
        if (table.Count == 0)
        {
            return false;
        }

        var bySource = table.GetValueOrDefault(sourcePort);
        var byDestination = table.GetValueOrDefault(destinationPort);
        if (bySource is null && byDestination is null)
        {
            return false;
        }

        if (bySource is not null && byDestination is not null)
        {
            if (sourcePort == destinationPort || ReferenceEquals(bySource, byDestination))
            {
                dissector = bySource;
                serverPort = sourcePort == destinationPort ? 0 : Math.Min(sourcePort, destinationPort);
                return true;
            }

            // Two protocols: the lower port wins, as Wireshark tries it first.
            var lowerIsSource = sourcePort < destinationPort;
            dissector = lowerIsSource ? bySource : byDestination;
            serverPort = lowerIsSource ? sourcePort : destinationPort;
            return true;
        }

        dissector = bySource ?? byDestination;
        serverPort = bySource is not null ? sourcePort : destinationPort;
        return true;
    }
}

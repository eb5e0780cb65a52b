using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols.Bacnet;

namespace OtSecurity.Capture.Dissectors.Bacnet;

/// <summary>
/// BACnet/IP (ANSI/ASHRAE 135 Annex J) on UDP 47808, and on any UDP port by content: a datagram is BACnet/IP when it
/// is one whole BVLC message of type 0x81 with a defined function whose length equals the datagram, and its NPDU
/// (version 1) and APDU headers are valid. Also BACnet/Ethernet (clause 7): NPDUs in IEEE 802.2 LLC frames with SAP 0x82.
/// </summary>
public sealed class BacnetDissector : ILlcProtocolDissector
{
    /// <summary>The LLC SAP of BACnet/Ethernet (clause 7.1).</summary>
    public const byte BacnetLlcSap = 0x82;

    /// <summary>The protocol name.</summary>
    public const string Name = "bacnet";

    /// <inheritdoc />
    public string Protocol => Name;

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts { get; } = [BacnetIp.DefaultPort];

    /// <inheritdoc />
    public byte LlcServiceAccessPoint => BacnetLlcSap;

    /// <inheritdoc />
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        if (transport != TransportKind.Udp || payload.Length < Bvlc.HeaderLength)
        {
            return ContentMatch.No;
        }

        // The BVLC length must be the datagram's length (Annex J.2): a UDP datagram carries exactly one BVLC message.
        int length = (payload[2] << 8) | payload[3];
        if (payload[0] != Bvlc.BacnetIpType || !Bvlc.IsDefined(payload[1]) || length != payload.Length)
        {
            return ContentMatch.No;
        }

        return BacnetIp.TryRead(payload, out _, out _) == OperationStatus.Done ? ContentMatch.Yes : ContentMatch.No;
    }

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new BacnetFlowDissector();
}

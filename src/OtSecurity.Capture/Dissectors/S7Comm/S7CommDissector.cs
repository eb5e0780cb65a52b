using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols.S7Comm;

namespace OtSecurity.Capture.Dissectors.S7Comm;

/// <summary>
/// S7comm (and S7comm-plus framing) over TPKT/COTP, TCP port 102 or any port where the content matches.
/// </summary>
/// <remarks>
/// Content rule (RDP and IEC 61850 MMS also run TPKT/COTP): a flow is claimed when its first TPKT packets are
/// version 3 with a zero reserved byte, carry a valid COTP TPDU, and either (a) a DT whose user data starts an S7
/// PDU (protocol id 0x32 with ROSCTR 1..7) or an S7comm-plus PDU (0x72 with version 1, 2, 3, 0xFE or 0xFF), or
/// (b) a CR/CC whose called TSAP is S7-typical: two octets with a connection type 1 (PG), 2 (OP) or 3 (S7 basic)
/// in the first octet, or the S7comm-plus text "SIMATIC-ROOT-". Empty non-final DTs are skipped while deciding.
/// RDP's CR carries no TSAP parameters and MMS uses other TSAPs, so neither is claimed.
/// </remarks>
public sealed class S7CommDissector : IProtocolDissector
{
    private static readonly int[] Ports = [102];

    /// <inheritdoc />
    public string Protocol => "s7comm";

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts => Ports;

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts => [];

    /// <summary>How many TPKT packets the probe looks at before giving up.</summary>
    private const int MaxProbePackets = 8;

    /// <inheritdoc />
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        if (transport != TransportKind.Tcp)
        {
            return ContentMatch.No;
        }

        for (int packetIndex = 0; packetIndex < MaxProbePackets; packetIndex++)
        {
            if (payload.IsEmpty)
            {
                return ContentMatch.NeedMoreData;
            }

            // RFC 1006 §6: the reserved octet is 0; a strict probe insists.
            if (payload.Length >= 2 && payload[1] != 0)
            {
                return ContentMatch.No;
            }

            OperationStatus status = IsoTcp.TryRead(payload, out IsoTcpPacket packet, out int consumed);
            if (status == OperationStatus.InvalidData)
            {
                return ContentMatch.No;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                return ProbePartial(payload);
            }

            CotpTpdu tpdu = packet.Tpdu;
            switch (tpdu.PduType)
            {
                case CotpPduType.ConnectionRequest:
                case CotpPduType.ConnectionConfirm:
                    return IsS7Tsap(tpdu.CalledTsap) ? ContentMatch.Yes : ContentMatch.No;
                case CotpPduType.Data:
                    if (tpdu.UserData.IsEmpty)
                    {
                        break;
                    }

                    return IsS7Start(tpdu.UserData);
                default:
                    return ContentMatch.No;
            }

            payload = payload.Slice(consumed);
        }

        return ContentMatch.No;
    }

    private static ContentMatch ProbePartial(ReadOnlySpan<byte> payload)
    {
        // A prefix: decide early from the COTP code and the first user-data octets when they are present.
        if (payload.Length < 6)
        {
            return ContentMatch.NeedMoreData;
        }

        var type = (CotpPduType)(payload[5] & 0xF0);
        if (type is CotpPduType.ConnectionRequest or CotpPduType.ConnectionConfirm)
        {
            return ContentMatch.NeedMoreData;
        }

        if (type != CotpPduType.Data)
        {
            return ContentMatch.No;
        }

        int li = payload[4];
        int start = 5 + li;
        if (payload.Length <= start)
        {
            return ContentMatch.NeedMoreData;
        }

        ContentMatch s7 = IsS7Start(payload.Slice(start));
        return s7 == ContentMatch.No ? ContentMatch.No : ContentMatch.NeedMoreData;
    }

    private static ContentMatch IsS7Start(ReadOnlySpan<byte> userData)
    {
        if (userData[0] == S7Pdu.ProtocolIdValue)
        {
            return userData.Length < 2 ? ContentMatch.NeedMoreData : userData[1] is >= 1 and <= 7 ? ContentMatch.Yes : ContentMatch.No;
        }

        if (userData[0] == S7CommPlusPdu.ProtocolIdValue)
        {
            return userData.Length < 2 ? ContentMatch.NeedMoreData : userData[1] is 1 or 2 or 3 or 0xFE or 0xFF ? ContentMatch.Yes : ContentMatch.No;
        }

        return ContentMatch.No;
    }

    /// <summary>S7-typical called TSAP: connection type 1..3 and rack/slot, or the S7comm-plus "SIMATIC-ROOT-" text.</summary>
    /// <param name="calledTsap">The called TSAP.</param>
    /// <returns>True when S7-typical.</returns>
    internal static bool IsS7Tsap(ReadOnlySpan<byte> calledTsap)
        => (calledTsap.Length == 2 && calledTsap[0] is >= 1 and <= 3) || calledTsap.StartsWith("SIMATIC-ROOT-"u8);

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new S7CommFlowDissector();
}

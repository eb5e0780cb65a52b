using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Capture.Dissectors.EtherNetIp;

/// <summary>
/// EtherNet/IP (CIP Vol. 2) on TCP and UDP 44818 with CIP explicit messaging, and CIP implicit I/O on UDP 2222. By
/// content: an encapsulation header with a defined command, options 0, a defined status and a consistent length (on
/// UDP, the datagram's length); or, on UDP, a common packet format with an address item and a connected data item.
/// </summary>
public sealed class EnipDissector : IProtocolDissector
{
    /// <summary>The protocol name.</summary>
    public const string Name = "enip";

    /// <inheritdoc />
    public string Protocol => Name;

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts { get; } = [Encapsulation.DefaultPort];

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts { get; } = [Encapsulation.DefaultPort, Encapsulation.ImplicitIoPort];

    /// <inheritdoc />
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        if (transport == TransportKind.Udp)
        {
            if (payload.Length >= Encapsulation.HeaderLength
                && Encapsulation.IsDefined(BinaryPrimitives.ReadUInt16LittleEndian(payload))
                && HeaderLooksValid(payload)
                && Encapsulation.TryRead(payload, out _, out int consumed) == OperationStatus.Done
                && consumed == payload.Length)
            {
                return ContentMatch.Yes;
            }

            return IsIoPacket(payload) ? ContentMatch.Yes : ContentMatch.No;
        }

        if (payload.Length < 2)
        {
            return ContentMatch.NeedMoreData;
        }

        if (!Encapsulation.IsDefined(BinaryPrimitives.ReadUInt16LittleEndian(payload)))
        {
            return ContentMatch.No;
        }

        if (payload.Length < 4)
        {
            return ContentMatch.NeedMoreData;
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]) > Encapsulation.MaximumDataLength)
        {
            return ContentMatch.No;
        }

        if (payload.Length < Encapsulation.HeaderLength)
        {
            return ContentMatch.NeedMoreData;
        }

        if (!HeaderLooksValid(payload))
        {
            return ContentMatch.No;
        }

        return Encapsulation.TryRead(payload, out _, out _) switch
        {
            OperationStatus.Done => ContentMatch.Yes,
            OperationStatus.NeedMoreData => ContentMatch.NeedMoreData,
            _ => ContentMatch.No,
        };
    }

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new EnipFlowDissector(transport);

    /// <summary>Options 0 (Vol. 2, 2-3.1) and a status Vol. 2 defines.</summary>
    private static bool HeaderLooksValid(ReadOnlySpan<byte> header)
    {
        uint status = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        uint options = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        return options == 0 && status is 0x00 or 0x01 or 0x02 or 0x03 or 0x64 or 0x65 or 0x69 or 0x6A;
    }

    /// <summary>An implicit I/O datagram: 2 to 4 items, an address item then a connected data item.</summary>
    internal static bool IsIoPacket(ReadOnlySpan<byte> payload) =>
        CipIoPacket.TryRead(payload, out CipIoPacket packet, out _) && packet.CommonPacketFormat.ItemCount <= 4;
}

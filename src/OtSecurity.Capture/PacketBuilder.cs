using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Link;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture;

/// <summary>
/// Builds well-formed frames (link header, IPv4 or IPv6, TCP or UDP with correct checksums) for synthetic captures:
/// tests, benchmarks, demonstrations. Pair it with <see cref="PcapWriter"/> or <see cref="PcapNgWriter"/>.
/// </summary>
public static class PacketBuilder
{
    /// <summary>Largest frame the builders produce (Ethernet + 2 tags + IPv6 + TCP + payload up to 65,535).</summary>
    public const int MaxFrameLength = 14 + 8 + 40 + 60 + 65535;

    private static readonly byte[] SourceMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
    private static readonly byte[] DestinationMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x02];

    /// <summary>Builds a TCP segment in an IP packet in a link-layer frame.</summary>
    /// <param name="source">Sender address and port.</param>
    /// <param name="destination">Receiver address and port (same address family).</param>
    /// <param name="sequence">Sequence number.</param>
    /// <param name="acknowledgment">Acknowledgment number.</param>
    /// <param name="flags">Control bits.</param>
    /// <param name="payload">Payload.</param>
    /// <param name="linkType">Link type of the frame (Ethernet, raw IP, SLL, SLL2, NULL).</param>
    /// <returns>The frame.</returns>
    public static byte[] Tcp(IPEndPoint source, IPEndPoint destination, uint sequence, uint acknowledgment, TcpFlags flags, ReadOnlySpan<byte> payload, LinkType linkType = LinkType.Ethernet)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ipLength = source.AddressFamily == AddressFamily.InterNetworkV6 ? 40 : 20;
        var buffer = new byte[LinkHeaderLength(linkType, 0) + ipLength + 20 + payload.Length];
        WriteTcp(buffer, source, destination, sequence, acknowledgment, flags, payload, linkType);
        return buffer;
    }

    /// <summary>Writes a TCP frame (see <see cref="Tcp"/>) without allocating.</summary>
    /// <param name="destinationBuffer">Room for the frame.</param>
    /// <param name="source">Sender.</param>
    /// <param name="destination">Receiver.</param>
    /// <param name="sequence">Sequence number.</param>
    /// <param name="acknowledgment">Acknowledgment number.</param>
    /// <param name="flags">Control bits.</param>
    /// <param name="payload">Payload.</param>
    /// <param name="linkType">Link type.</param>
    /// <returns>Bytes written.</returns>
    public static int WriteTcp(Span<byte> destinationBuffer, IPEndPoint source, IPEndPoint destination, uint sequence, uint acknowledgment, TcpFlags flags, ReadOnlySpan<byte> payload, LinkType linkType = LinkType.Ethernet)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var v6 = source.AddressFamily == AddressFamily.InterNetworkV6;
        var linkLength = LinkHeaderLength(linkType, 0);
        var ipLength = v6 ? 40 : 20;
        var segment = destinationBuffer[(linkLength + ipLength)..];

        // RFC 9293 §3.1: ports, sequence, acknowledgment, data offset 5, flags, window, checksum, urgent pointer.
        BinaryPrimitives.WriteUInt16BigEndian(segment, (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(segment[2..], (ushort)destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(segment[4..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(segment[8..], acknowledgment);
        segment[12] = 5 << 4;
        segment[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(segment[14..], 65535);
        BinaryPrimitives.WriteUInt32BigEndian(segment[16..], 0);
        payload.CopyTo(segment[20..]);
        var segmentLength = 20 + payload.Length;
        var checksum = TransportChecksum(source.Address, destination.Address, 6, segment[..segmentLength]);
        BinaryPrimitives.WriteUInt16BigEndian(segment[16..], checksum);

        WriteIpHeader(destinationBuffer[linkLength..], source.Address, destination.Address, 6, segmentLength);
        WriteLinkHeader(destinationBuffer, linkType, v6, default);
        return linkLength + ipLength + segmentLength;
    }

    /// <summary>Builds a UDP datagram in an IP packet in a link-layer frame.</summary>
    /// <param name="source">Sender address and port.</param>
    /// <param name="destination">Receiver address and port.</param>
    /// <param name="payload">Payload.</param>
    /// <param name="linkType">Link type.</param>
    /// <returns>The frame.</returns>
    public static byte[] Udp(IPEndPoint source, IPEndPoint destination, ReadOnlySpan<byte> payload, LinkType linkType = LinkType.Ethernet)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var datagram = UdpDatagram(source, destination, payload);
        return Link(linkType, IP(source.Address, destination.Address, 17, datagram));
    }

    /// <summary>Builds a UDP header and payload with its checksum.</summary>
    /// <param name="source">Sender.</param>
    /// <param name="destination">Receiver.</param>
    /// <param name="payload">Payload.</param>
    /// <returns>The datagram (header and payload).</returns>
    public static byte[] UdpDatagram(IPEndPoint source, IPEndPoint destination, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var datagram = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), (ushort)destination.Port);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(4), (ushort)datagram.Length);
        payload.CopyTo(datagram.AsSpan(8));
        var checksum = TransportChecksum(source.Address, destination.Address, 17, datagram);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(6), checksum == 0 ? (ushort)0xFFFF : checksum);
        return datagram;
    }

    /// <summary>Builds a TCP header and payload with its checksum.</summary>
    /// <param name="source">Sender.</param>
    /// <param name="destination">Receiver.</param>
    /// <param name="sequence">Sequence number.</param>
    /// <param name="acknowledgment">Acknowledgment number.</param>
    /// <param name="flags">Control bits.</param>
    /// <param name="payload">Payload.</param>
    /// <returns>The segment (header and payload).</returns>
    public static byte[] TcpSegment(IPEndPoint source, IPEndPoint destination, uint sequence, uint acknowledgment, TcpFlags flags, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var segment = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(segment, (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(8), acknowledgment);
        segment[12] = 5 << 4;
        segment[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(14), 65535);
        payload.CopyTo(segment.AsSpan(20));
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(16), TransportChecksum(source.Address, destination.Address, 6, segment));
        return segment;
    }

    /// <summary>Builds an IPv4 or IPv6 packet around a transport payload.</summary>
    /// <param name="source">Source address.</param>
    /// <param name="destination">Destination address (same family).</param>
    /// <param name="protocol">IP protocol / next header.</param>
    /// <param name="payload">Transport header and payload (for IPv6 possibly preceded by extension headers).</param>
    /// <returns>The packet.</returns>
    public static byte[] IP(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        var headerLength = source.AddressFamily == AddressFamily.InterNetworkV6 ? 40 : 20;
        var packet = new byte[headerLength + payload.Length];
        payload.CopyTo(packet.AsSpan(headerLength));
        WriteIpHeader(packet, source, destination, protocol, payload.Length);
        return packet;
    }

    /// <summary>Builds one IPv4 fragment.</summary>
    /// <param name="source">Source address.</param>
    /// <param name="destination">Destination address.</param>
    /// <param name="protocol">IP protocol of the whole datagram.</param>
    /// <param name="identification">The datagram's identification.</param>
    /// <param name="fragmentOffset">Offset of this fragment in bytes (a multiple of 8).</param>
    /// <param name="moreFragments">True unless this is the last fragment.</param>
    /// <param name="fragment">This fragment's bytes.</param>
    /// <returns>The packet.</returns>
    public static byte[] IPv4Fragment(IPAddress source, IPAddress destination, byte protocol, ushort identification, int fragmentOffset, bool moreFragments, ReadOnlySpan<byte> fragment)
    {
        var packet = IP(source, destination, protocol, fragment);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), identification);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), (ushort)((moreFragments ? 0x2000 : 0) | ((fragmentOffset / 8) & 0x1FFF)));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), 0);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), InternetChecksum(packet.AsSpan(0, 20), 0));
        return packet;
    }

    /// <summary>Wraps an IP packet in a link-layer header.</summary>
    /// <param name="linkType">Ethernet (optionally with VLAN tags), raw IP, IPv4/IPv6, SLL, SLL2, NULL or LOOP.</param>
    /// <param name="ipPacket">The IP packet.</param>
    /// <param name="vlanTags">For Ethernet: tag protocol identifiers (0x8100, 0x88A8) outermost first; each gets VLAN id 100 + its index.</param>
    /// <returns>The frame.</returns>
    public static byte[] Link(LinkType linkType, ReadOnlySpan<byte> ipPacket, ReadOnlySpan<ushort> vlanTags = default)
    {
        var v6 = !ipPacket.IsEmpty && ipPacket[0] >> 4 == 6;
        var headerLength = LinkHeaderLength(linkType, vlanTags.Length);
        var frame = new byte[headerLength + ipPacket.Length];
        ipPacket.CopyTo(frame.AsSpan(headerLength));
        WriteLinkHeader(frame, linkType, v6, vlanTags);
        return frame;
    }

    private static int LinkHeaderLength(LinkType linkType, int vlanTags) => linkType switch
    {
        LinkType.Ethernet => 14 + (4 * vlanTags),
        LinkType.LinuxSll => 16,
        LinkType.LinuxSll2 => 20,
        LinkType.Null or LinkType.Loop => 4,
        LinkType.Raw or LinkType.RawOpenBsd or LinkType.RawBsdOs or LinkType.IPv4 or LinkType.IPv6 => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(linkType), linkType, "Link type not supported by the builder."),
    };

    private static void WriteLinkHeader(Span<byte> frame, LinkType linkType, bool v6, ReadOnlySpan<ushort> vlanTags)
    {
        var etherType = v6 ? LinkLayer.EtherTypeIPv6 : LinkLayer.EtherTypeIPv4;
        switch (linkType)
        {
            case LinkType.Ethernet:
                DestinationMac.CopyTo(frame);
                SourceMac.CopyTo(frame[6..]);
                var offset = 12;
                for (var i = 0; i < vlanTags.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(frame[offset..], vlanTags[i]);
                    BinaryPrimitives.WriteUInt16BigEndian(frame[(offset + 2)..], (ushort)(100 + i));
                    offset += 4;
                }

                BinaryPrimitives.WriteUInt16BigEndian(frame[offset..], etherType);
                break;
            case LinkType.LinuxSll:
                BinaryPrimitives.WriteUInt16BigEndian(frame, 0);        // packet type: to us
                BinaryPrimitives.WriteUInt16BigEndian(frame[2..], 1);   // ARPHRD_ETHER
                BinaryPrimitives.WriteUInt16BigEndian(frame[4..], 6);   // address length
                SourceMac.CopyTo(frame[6..]);
                frame[12] = 0;
                frame[13] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(frame[14..], etherType);
                break;
            case LinkType.LinuxSll2:
                BinaryPrimitives.WriteUInt16BigEndian(frame, etherType);
                BinaryPrimitives.WriteUInt16BigEndian(frame[2..], 0);
                BinaryPrimitives.WriteUInt32BigEndian(frame[4..], 2);   // interface index
                BinaryPrimitives.WriteUInt16BigEndian(frame[8..], 1);   // ARPHRD_ETHER
                frame[10] = 0;                                          // packet type
                frame[11] = 6;                                          // address length
                SourceMac.CopyTo(frame[12..]);
                frame[18] = 0;
                frame[19] = 0;
                break;
            case LinkType.Null:
                BinaryPrimitives.WriteUInt32LittleEndian(frame, v6 ? 30u : 2u);
                break;
            case LinkType.Loop:
                BinaryPrimitives.WriteUInt32BigEndian(frame, v6 ? 30u : 2u);
                break;
            default:
                break;
        }
    }

    private static void WriteIpHeader(Span<byte> packet, IPAddress source, IPAddress destination, byte protocol, int payloadLength)
    {
        if (source.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // RFC 8200 §3: version 6, traffic class 0, flow label 0, payload length, next header, hop limit 64.
            BinaryPrimitives.WriteUInt32BigEndian(packet, 0x60000000);
            BinaryPrimitives.WriteUInt16BigEndian(packet[4..], (ushort)payloadLength);
            packet[6] = protocol;
            packet[7] = 64;
            source.TryWriteBytes(packet[8..], out _);
            destination.TryWriteBytes(packet[24..], out _);
            return;
        }

        // RFC 791 §3.1: version 4, IHL 5, total length, DF, TTL 64, protocol, header checksum.
        packet[0] = 0x45;
        packet[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)(20 + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(packet[4..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(packet[6..], 0x4000);
        packet[8] = 64;
        packet[9] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(packet[10..], 0);
        source.TryWriteBytes(packet[12..], out _);
        destination.TryWriteBytes(packet[16..], out _);
        BinaryPrimitives.WriteUInt16BigEndian(packet[10..], InternetChecksum(packet[..20], 0));
    }

    private static ushort TransportChecksum(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> segment)
    {
        // RFC 9293 §3.1 / RFC 8200 §8.1: the checksum covers a pseudo-header of addresses, protocol and length.
        Span<byte> address = stackalloc byte[16];
        uint sum = 0;
        source.TryWriteBytes(address, out var written);
        sum = Add(sum, address[..written]);
        destination.TryWriteBytes(address, out written);
        sum = Add(sum, address[..written]);
        sum += protocol;
        sum += (uint)segment.Length;
        return InternetChecksum(segment, sum);
    }

    private static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        return sum;
    }

    private static ushort InternetChecksum(ReadOnlySpan<byte> data, uint initial)
    {
        // RFC 1071: one's complement of the one's complement sum of 16-bit words.
        var sum = Add(initial, data);
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}

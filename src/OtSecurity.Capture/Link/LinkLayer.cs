using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OtSecurity.Capture.FileFormats;

namespace OtSecurity.Capture.Link;

/// <summary>
/// Decodes link-layer headers down to the IP packet: Ethernet II with any number (up to 8) of 802.1Q / 802.1ad
/// (QinQ) tags, Linux cooked capture v1 and v2, BSD/OpenBSD loopback and raw IP link types. Allocation-free.
/// </summary>
public static class LinkLayer
{
    /// <summary>EtherType of IPv4.</summary>
    public const ushort EtherTypeIPv4 = 0x0800;

    /// <summary>EtherType of IPv6.</summary>
    public const ushort EtherTypeIPv6 = 0x86DD;

    /// <summary>EtherType of an IEEE 802.1Q VLAN tag.</summary>
    public const ushort EtherTypeVlan = 0x8100;

    /// <summary>EtherType of an IEEE 802.1ad service tag (QinQ).</summary>
    public const ushort EtherTypeQinQ = 0x88A8;

    private const int MaxVlanTags = 8;

    /// <summary>Finds the IP packet inside a link-layer frame.</summary>
    /// <param name="linkType">The frame's link type.</param>
    /// <param name="frame">The captured frame.</param>
    /// <param name="ipOffset">Where the IP header starts, on <see cref="LinkDecodeStatus.Ip"/>.</param>
    /// <param name="ipVersion">4 or 6, on <see cref="LinkDecodeStatus.Ip"/>.</param>
    /// <param name="vlanTags">How many 802.1Q/802.1ad tags were passed.</param>
    /// <returns>The outcome.</returns>
    public static LinkDecodeStatus TryDecode(LinkType linkType, ReadOnlySpan<byte> frame, out int ipOffset, out int ipVersion, out int vlanTags)
    {
        ipOffset = 0;
        ipVersion = 0;
        vlanTags = 0;
        switch (linkType)
        {
            case LinkType.Ethernet:
                // IEEE 802.3: destination(6) source(6) EtherType/length(2).
                if (frame.Length < 14)
                {
                    return LinkDecodeStatus.Truncated;
                }

                return FromEtherType(frame, 12, ref ipOffset, ref ipVersion, ref vlanTags);

            case LinkType.LinuxSll:
                // SLL: packet type(2) ARPHRD type(2) address length(2) address(8) protocol(2).
                if (frame.Length < 16)
                {
                    return LinkDecodeStatus.Truncated;
                }

                return FromEtherType(frame, 14, ref ipOffset, ref ipVersion, ref vlanTags);

            case LinkType.LinuxSll2:
                // SLL2: protocol(2) reserved(2) interface index(4) ARPHRD type(2) packet type(1) address length(1) address(8).
                if (frame.Length < 20)
                {
                    return LinkDecodeStatus.Truncated;
                }

                return FromEtherTypeAt(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), 20, ref ipOffset, ref ipVersion, ref vlanTags);

            case LinkType.Raw:
            case LinkType.RawOpenBsd:
            case LinkType.RawBsdOs:
                return FromVersionNibble(frame, 0, out ipOffset, out ipVersion);

            case LinkType.IPv4:
                if (frame.Length < 1)
                {
                    return LinkDecodeStatus.Truncated;
                }

                ipVersion = 4;
                return LinkDecodeStatus.Ip;

            case LinkType.IPv6:
                if (frame.Length < 1)
                {
                    return LinkDecodeStatus.Truncated;
                }

                ipVersion = 6;
                return LinkDecodeStatus.Ip;

            case LinkType.Null:
            case LinkType.Loop:
                // A 4-byte address family: host byte order for NULL, network byte order for LOOP; accept both.
                if (frame.Length < 4)
                {
                    return LinkDecodeStatus.Truncated;
                }

                var family = BinaryPrimitives.ReadUInt32LittleEndian(frame);
                if (family > 0xFFFF)
                {
                    family = BinaryPrimitives.ReverseEndianness(family);
                }

                return family switch
                {
                    2 => Found(4, 4, out ipOffset, out ipVersion),
                    10 or 24 or 28 or 30 => Found(4, 6, out ipOffset, out ipVersion),
                    _ => LinkDecodeStatus.NotIp,
                };

            default:
                return LinkDecodeStatus.UnsupportedLinkType;
        }
    }

    /// <summary>
    /// Finds an IEEE 802.2 LLC unnumbered-information frame in an Ethernet 802.3 frame (length field up to 1500, no
    /// VLAN tag): DSAP, SSAP, control 0x03, then the information field, bounded by the 802.3 length (padding excluded).
    /// </summary>
    /// <param name="linkType">The frame's link type (only Ethernet carries 802.3 LLC here).</param>
    /// <param name="frame">The captured frame.</param>
    /// <param name="serviceAccessPoint">The SAP, when DSAP equals SSAP.</param>
    /// <param name="informationOffset">Where the information field starts.</param>
    /// <param name="informationLength">Its length.</param>
    /// <returns>True for an LLC UI frame with DSAP equal to SSAP.</returns>
    public static bool TryDecodeLlc(LinkType linkType, ReadOnlySpan<byte> frame, out byte serviceAccessPoint, out int informationOffset, out int informationLength)
    {
        serviceAccessPoint = 0;
        informationOffset = 0;
        informationLength = 0;

        // IEEE 802.3: destination(6) source(6) length(2) then 802.2 LLC: DSAP(1) SSAP(1) control(1) information.
        if (linkType != LinkType.Ethernet || frame.Length < 17)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        if (length is < 3 or > 1500 || frame.Length < 14 + length)
        {
            return false;
        }

        // The group bit of the SSAP is the command/response bit; the control field 0x03 is UI (unnumbered information).
        if (frame[14] != (frame[15] & 0xFE) || frame[16] != 0x03)
        {
            return false;
        }

        serviceAccessPoint = frame[14];
        informationOffset = 17;
        informationLength = length - 3;
        return true;
    }

    /// <summary>The modified EUI-64 IPv6 link-local address of a 6-octet MAC address (RFC 4291 appendix A).</summary>
    /// <param name="mac">The MAC address.</param>
    /// <param name="destination">16 octets.</param>
    public static void WriteLinkLocalAddress(ReadOnlySpan<byte> mac, Span<byte> destination)
    {
        destination[..16].Clear();
        destination[0] = 0xFE;
        destination[1] = 0x80;
        destination[8] = (byte)(mac[0] ^ 0x02);
        destination[9] = mac[1];
        destination[10] = mac[2];
        destination[11] = 0xFF;
        destination[12] = 0xFE;
        destination[13] = mac[3];
        destination[14] = mac[4];
        destination[15] = mac[5];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LinkDecodeStatus FromEtherType(ReadOnlySpan<byte> frame, int typeOffset, ref int ipOffset, ref int ipVersion, ref int vlanTags) =>
        FromEtherTypeAt(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[typeOffset..]), typeOffset + 2, ref ipOffset, ref ipVersion, ref vlanTags);

    private static LinkDecodeStatus FromEtherTypeAt(ReadOnlySpan<byte> frame, ushort etherType, int payloadOffset, ref int ipOffset, ref int ipVersion, ref int vlanTags)
    {
        // 802.1Q / 802.1ad tags: TCI(2) EtherType(2), possibly stacked (QinQ uses 0x88A8, older 0x9100/0x9200).
        while (etherType is EtherTypeVlan or EtherTypeQinQ or 0x9100 or 0x9200)
        {
            if (vlanTags == MaxVlanTags)
            {
                return LinkDecodeStatus.NotIp;
            }

            if (frame.Length < payloadOffset + 4)
            {
                return LinkDecodeStatus.Truncated;
            }

            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(payloadOffset + 2)..]);
            payloadOffset += 4;
            vlanTags++;
        }

        switch (etherType)
        {
            case EtherTypeIPv4:
                ipOffset = payloadOffset;
                ipVersion = 4;
                return frame.Length > payloadOffset ? LinkDecodeStatus.Ip : LinkDecodeStatus.Truncated;
            case EtherTypeIPv6:
                ipOffset = payloadOffset;
                ipVersion = 6;
                return frame.Length > payloadOffset ? LinkDecodeStatus.Ip : LinkDecodeStatus.Truncated;
            default:
                return LinkDecodeStatus.NotIp;
        }
    }

    private static LinkDecodeStatus FromVersionNibble(ReadOnlySpan<byte> frame, int offset, out int ipOffset, out int ipVersion)
    {
        ipOffset = offset;
        ipVersion = 0;
        if (frame.Length <= offset)
        {
            return LinkDecodeStatus.Truncated;
        }

        ipVersion = frame[offset] >> 4;
        return ipVersion is 4 or 6 ? LinkDecodeStatus.Ip : LinkDecodeStatus.NotIp;
    }

    private static LinkDecodeStatus Found(int offset, int version, out int ipOffset, out int ipVersion)
    {
        ipOffset = offset;
        ipVersion = version;
        return LinkDecodeStatus.Ip;
    }
}

using System.Buffers.Binary;

namespace OtSecurity.Capture.Network;

/// <summary>Decodes IPv4 (RFC 791) and IPv6 (RFC 8200) headers, including IPv6 extension header chains. Allocation-free.</summary>
public static class IpLayer
{
    /// <summary>IP protocol number of TCP.</summary>
    public const byte ProtocolTcp = 6;

    /// <summary>IP protocol number of UDP.</summary>
    public const byte ProtocolUdp = 17;

    private const int MaxExtensionHeaders = 16;

    /// <summary>Decodes an IPv4 or IPv6 header.</summary>
    /// <param name="data">The bytes from the start of the IP header.</param>
    /// <param name="version">4 or 6 as the link layer said; 0 to take it from the first nibble.</param>
    /// <param name="packet">The header and payload view, on <see cref="IpDecodeStatus.Ok"/>.</param>
    /// <returns>The outcome.</returns>
    public static IpDecodeStatus TryDecode(ReadOnlySpan<byte> data, int version, out IpPacket packet)
    {
        packet = default;
        if (data.IsEmpty)
        {
            return IpDecodeStatus.Truncated;
        }

        var nibble = data[0] >> 4;
        if (version == 0)
        {
            version = nibble;
        }

        if (nibble != version)
        {
            return IpDecodeStatus.Malformed;
        }

        return version switch
        {
            4 => TryDecodeIPv4(data, out packet),
            6 => TryDecodeIPv6(data, out packet),
            _ => IpDecodeStatus.Malformed,
        };
    }

    /// <summary>
    /// Walks IPv6 extension headers (hop-by-hop, routing, destination options, mobility, HIP, shim6, AH) from
    /// <paramref name="nextHeader"/> until an upper-layer protocol, a fragment header, ESP or "no next header".
    /// </summary>
    /// <param name="nextHeader">The next-header value that describes <paramref name="data"/>.</param>
    /// <param name="data">The bytes after the previous header.</param>
    /// <param name="protocol">The first value that is not a walkable extension header (44 for a fragment header).</param>
    /// <param name="offset">Where that header or payload starts.</param>
    /// <returns><see cref="IpDecodeStatus.Ok"/>, or <see cref="IpDecodeStatus.Malformed"/> when a header runs past the data or the chain is too long.</returns>
    public static IpDecodeStatus SkipIPv6ExtensionHeaders(byte nextHeader, ReadOnlySpan<byte> data, out byte protocol, out int offset)
    {
        offset = 0;
        protocol = nextHeader;
        for (var count = 0; ; count++)
        {
            int length;
            switch (protocol)
            {
                case 0:   // Hop-by-Hop Options (RFC 8200 §4.3)
                case 43:  // Routing (§4.4)
                case 60:  // Destination Options (§4.6)
                case 135: // Mobility (RFC 6275)
                case 139: // HIP (RFC 7401)
                case 140: // Shim6 (RFC 5533)
                    // Hdr Ext Len in 8-octet units, not counting the first 8 octets.
                    if (data.Length - offset < 8)
                    {
                        return IpDecodeStatus.Malformed;
                    }

                    length = (data[offset + 1] + 1) * 8;
                    break;
                case 51:  // Authentication Header (RFC 4302 §2.2): Payload Len in 4-octet units, minus 2.
                    if (data.Length - offset < 8)
                    {
                        return IpDecodeStatus.Malformed;
                    }

                    length = (data[offset + 1] + 2) * 4;
                    break;
                default:
                    return IpDecodeStatus.Ok;
            }

            if (count == MaxExtensionHeaders || data.Length - offset < length)
            {
                return IpDecodeStatus.Malformed;
            }

            protocol = data[offset];
            offset += length;
        }
    }

    private static IpDecodeStatus TryDecodeIPv4(ReadOnlySpan<byte> data, out IpPacket packet)
    {
        packet = default;

        // RFC 791 §3.1: the minimum header is 20 bytes; IHL counts 32-bit words (5..15).
        if (data.Length < 20)
        {
            return IpDecodeStatus.Truncated;
        }

        var headerLength = (data[0] & 0x0F) * 4;
        if (headerLength < 20)
        {
            return IpDecodeStatus.Malformed;
        }

        if (data.Length < headerLength)
        {
            return IpDecodeStatus.Truncated;
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        if (totalLength == 0)
        {
            // Segmentation offload on the capturing host writes 0: the captured length is the length.
            totalLength = data.Length;
        }
        else if (totalLength < headerLength)
        {
            return IpDecodeStatus.Malformed;
        }

        var truncated = totalLength > data.Length;
        var end = truncated ? data.Length : totalLength; // Bytes beyond totalLength are link padding.
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        var offset = (fragment & 0x1FFF) * 8;
        var more = (fragment & 0x2000) != 0;
        packet = new IpPacket
        {
            Version = 4,
            Source = IPAddressValue.FromIPv4(data[12..]),
            Destination = IPAddressValue.FromIPv4(data[16..]),
            Protocol = data[9],
            Payload = data[headerLength..end],
            PayloadTruncated = truncated,
            IsFragment = more || offset != 0,
            FragmentOffset = offset,
            MoreFragments = more,
            Identification = BinaryPrimitives.ReadUInt16BigEndian(data[4..]),
        };
        return IpDecodeStatus.Ok;
    }

    private static IpDecodeStatus TryDecodeIPv6(ReadOnlySpan<byte> data, out IpPacket packet)
    {
        packet = default;

        // RFC 8200 §3: a fixed 40-byte header.
        if (data.Length < 40)
        {
            return IpDecodeStatus.Truncated;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        var available = data.Length - 40;
        if (payloadLength == 0)
        {
            // Jumbogram (RFC 2675) or segmentation offload: the captured length is the length.
            payloadLength = available;
        }

        var truncated = payloadLength > available;
        var payload = data.Slice(40, truncated ? available : payloadLength);
        var status = SkipIPv6ExtensionHeaders(data[6], payload, out var protocol, out var offset);
        if (status != IpDecodeStatus.Ok)
        {
            return truncated ? IpDecodeStatus.Truncated : status;
        }

        var isFragment = false;
        var fragmentOffset = 0;
        var more = false;
        uint identification = 0;
        if (protocol == 44)
        {
            // Fragment header (§4.5): next header(1) reserved(1) offset(13 bits)|res(2)|M(1) identification(4).
            if (payload.Length - offset < 8)
            {
                return truncated ? IpDecodeStatus.Truncated : IpDecodeStatus.Malformed;
            }

            var field = BinaryPrimitives.ReadUInt16BigEndian(payload[(offset + 2)..]);
            protocol = payload[offset];
            fragmentOffset = field & 0xFFF8;
            more = (field & 1) != 0;
            identification = BinaryPrimitives.ReadUInt32BigEndian(payload[(offset + 4)..]);
            offset += 8;
            isFragment = fragmentOffset != 0 || more;
            if (!isFragment)
            {
                // An atomic fragment (RFC 6946): the whole datagram; further extension headers may follow.
                status = SkipIPv6ExtensionHeaders(protocol, payload[offset..], out protocol, out var more2);
                if (status != IpDecodeStatus.Ok)
                {
                    return truncated ? IpDecodeStatus.Truncated : status;
                }

                offset += more2;
            }
        }

        packet = new IpPacket
        {
            Version = 6,
            Source = IPAddressValue.FromIPv6(data[8..]),
            Destination = IPAddressValue.FromIPv6(data[24..]),
            Protocol = protocol,
            Payload = payload[offset..],
            PayloadTruncated = truncated,
            IsFragment = isFragment,
            FragmentOffset = fragmentOffset,
            MoreFragments = more,
            Identification = identification,
        };
        return IpDecodeStatus.Ok;
    }
}

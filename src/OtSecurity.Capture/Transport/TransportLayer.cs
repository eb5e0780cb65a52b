using System.Buffers.Binary;
using OtSecurity.Capture.Network;

namespace OtSecurity.Capture.Transport;

/// <summary>A decoded TCP header and a view of its payload.</summary>
public readonly ref struct TcpSegment
{
    /// <summary>Source port.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>Destination port.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>Sequence number of the first payload byte (of the SYN when SYN is set).</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>Acknowledgment number.</summary>
    public uint AcknowledgmentNumber { get; init; }

    /// <summary>Control bits.</summary>
    public TcpFlags Flags { get; init; }

    /// <summary>The payload.</summary>
    public ReadOnlySpan<byte> Payload { get; init; }
}

/// <summary>A decoded UDP header and a view of its payload.</summary>
public readonly ref struct UdpDatagram
{
    /// <summary>Source port.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>Destination port.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>The payload.</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    /// <summary>True when the captured bytes are fewer than the UDP length declares.</summary>
    public bool PayloadTruncated { get; init; }
}

/// <summary>Decodes TCP (RFC 9293) and UDP (RFC 768) headers. Allocation-free; checksums are not verified (as Wireshark by default).</summary>
public static class TransportLayer
{
    /// <summary>Decodes a TCP header.</summary>
    /// <param name="data">The IP payload.</param>
    /// <param name="segment">The header and payload view.</param>
    /// <returns><see cref="IpDecodeStatus.Ok"/>, <see cref="IpDecodeStatus.Truncated"/> or <see cref="IpDecodeStatus.Malformed"/>.</returns>
    public static IpDecodeStatus TryDecodeTcp(ReadOnlySpan<byte> data, out TcpSegment segment)
    {
        segment = default;

        // RFC 9293 §3.1: 20 fixed bytes; Data Offset counts 32-bit words (5..15).
        if (data.Length < 20)
        {
            return IpDecodeStatus.Truncated;
        }

        var headerLength = (data[12] >> 4) * 4;
        if (headerLength < 20)
        {
            return IpDecodeStatus.Malformed;
        }

        if (data.Length < headerLength)
        {
            return IpDecodeStatus.Truncated;
        }

        segment = new TcpSegment
        {
            SourcePort = BinaryPrimitives.ReadUInt16BigEndian(data),
            DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            SequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            AcknowledgmentNumber = BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            Flags = (TcpFlags)data[13],
            Payload = data[headerLength..],
        };
        return IpDecodeStatus.Ok;
    }

    /// <summary>Decodes a UDP header.</summary>
    /// <param name="data">The IP payload.</param>
    /// <param name="datagram">The header and payload view.</param>
    /// <returns><see cref="IpDecodeStatus.Ok"/>, <see cref="IpDecodeStatus.Truncated"/> or <see cref="IpDecodeStatus.Malformed"/>.</returns>
    public static IpDecodeStatus TryDecodeUdp(ReadOnlySpan<byte> data, out UdpDatagram datagram)
    {
        datagram = default;

        // RFC 768: 8-byte header; Length counts header and data (0 only for IPv6 jumbograms, RFC 2675).
        if (data.Length < 8)
        {
            return IpDecodeStatus.Truncated;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        if (length == 0)
        {
            length = data.Length;
        }
        else if (length < 8)
        {
            return IpDecodeStatus.Malformed;
        }

        var truncated = length > data.Length;
        datagram = new UdpDatagram
        {
            SourcePort = BinaryPrimitives.ReadUInt16BigEndian(data),
            DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            Payload = data[8..(truncated ? data.Length : length)],
            PayloadTruncated = truncated,
        };
        return IpDecodeStatus.Ok;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// A B/IP address (ANSI/ASHRAE 135 Annex J.1.2): a 4-octet IPv4 address and a 2-octet UDP port, both in network order
/// on the wire (6 octets).
/// </summary>
/// <param name="Address">The IPv4 address as a big-endian 32-bit number (192.168.0.1 is 0xC0A80001).</param>
/// <param name="Port">The UDP port.</param>
public readonly record struct BacnetIpEndpoint(uint Address, ushort Port)
{
    /// <summary>Encoded size in octets.</summary>
    public const int EncodedLength = 6;

    /// <summary>Reads a B/IP address from the first 6 octets of <paramref name="source"/>.</summary>
    /// <param name="source">At least 6 octets.</param>
    /// <returns>The address.</returns>
    public static BacnetIpEndpoint Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(source), BinaryPrimitives.ReadUInt16BigEndian(source[4..]));

    /// <summary>Writes the 6-octet encoding into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 6 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Port);
    }

    /// <summary>The address as an <see cref="IPAddress"/> (allocates).</summary>
    /// <returns>A new <see cref="IPAddress"/>.</returns>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Address);
        return new IPAddress(bytes);
    }

    /// <summary>Formats as <c>192.168.0.1:47808</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Address >> 24}.{(Address >> 16) & 0xFF}.{(Address >> 8) & 0xFF}.{Address & 0xFF}:{Port}");
}

/// <summary>A broadcast distribution table entry (Annex J.4.2.1): a B/IP address and a 4-octet broadcast distribution mask.</summary>
/// <param name="Endpoint">The BBMD's B/IP address.</param>
/// <param name="Mask">The broadcast distribution mask, big-endian (0xFFFFFFFF for two-hop distribution).</param>
public readonly record struct BdtEntry(BacnetIpEndpoint Endpoint, uint Mask)
{
    /// <summary>Encoded size in octets.</summary>
    public const int EncodedLength = 10;

    internal static BdtEntry Read(ReadOnlySpan<byte> source) =>
        new(BacnetIpEndpoint.Read(source), BinaryPrimitives.ReadUInt32BigEndian(source[6..]));

    internal void Write(Span<byte> destination)
    {
        Endpoint.Write(destination);
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], Mask);
    }
}

/// <summary>A foreign device table entry as read by Read-Foreign-Device-Table-Ack (Annex J.2.8).</summary>
/// <param name="Endpoint">The foreign device's B/IP address.</param>
/// <param name="TimeToLive">The time-to-live the device registered with, in seconds.</param>
/// <param name="TimeRemaining">Seconds left before the entry is purged (including the 30-second grace period).</param>
public readonly record struct FdtEntry(BacnetIpEndpoint Endpoint, ushort TimeToLive, ushort TimeRemaining)
{
    /// <summary>Encoded size in octets.</summary>
    public const int EncodedLength = 10;

    internal static FdtEntry Read(ReadOnlySpan<byte> source) => new(
        BacnetIpEndpoint.Read(source),
        BinaryPrimitives.ReadUInt16BigEndian(source[6..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[8..]));

    internal void Write(Span<byte> destination)
    {
        Endpoint.Write(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], TimeToLive);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], TimeRemaining);
    }
}

namespace OtSecurity.Capture.Network;

/// <summary>A decoded IPv4 or IPv6 header and a view of its payload.</summary>
public readonly ref struct IpPacket
{
    /// <summary>4 or 6.</summary>
    public int Version { get; init; }

    /// <summary>Source address.</summary>
    public IPAddressValue Source { get; init; }

    /// <summary>Destination address.</summary>
    public IPAddressValue Destination { get; init; }

    /// <summary>The upper-layer protocol (IPv6: after the extension headers; for a fragment, the fragment header's next header).</summary>
    public byte Protocol { get; init; }

    /// <summary>The payload: the bytes after the headers, up to the total length, as far as they were captured.</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    /// <summary>True when the snap length cut the payload short of the length the header declares.</summary>
    public bool PayloadTruncated { get; init; }

    /// <summary>True when this packet is a fragment (MF set or a non-zero offset; IPv6: a fragment header is present).</summary>
    public bool IsFragment { get; init; }

    /// <summary>Fragment offset in bytes.</summary>
    public int FragmentOffset { get; init; }

    /// <summary>The more-fragments flag.</summary>
    public bool MoreFragments { get; init; }

    /// <summary>IPv4 identification or IPv6 fragment header identification.</summary>
    public uint Identification { get; init; }
}

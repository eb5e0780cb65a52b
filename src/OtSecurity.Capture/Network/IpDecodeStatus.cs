namespace OtSecurity.Capture.Network;

/// <summary>The outcome of decoding an IP header.</summary>
public enum IpDecodeStatus
{
    /// <summary>A header was read; the payload (possibly cut by the snap length) follows.</summary>
    Ok = 0,

    /// <summary>The captured bytes end inside the header.</summary>
    Truncated,

    /// <summary>The header violates RFC 791 / RFC 8200 (bad version, header length, total length or extension header chain).</summary>
    Malformed,
}

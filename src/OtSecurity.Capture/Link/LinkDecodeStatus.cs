namespace OtSecurity.Capture.Link;

/// <summary>The outcome of decoding a link-layer header.</summary>
public enum LinkDecodeStatus
{
    /// <summary>An IPv4 or IPv6 packet follows the link header.</summary>
    Ip = 0,

    /// <summary>A valid frame that does not carry IP (ARP, LLDP, PROFINET, 802.3 LLC, ...).</summary>
    NotIp,

    /// <summary>The frame is shorter than its link-layer header.</summary>
    Truncated,

    /// <summary>The link type is not one this library decodes.</summary>
    UnsupportedLinkType,
}

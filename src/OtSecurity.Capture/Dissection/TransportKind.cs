namespace OtSecurity.Capture.Dissection;

/// <summary>The transport a protocol message arrived on.</summary>
public enum TransportKind
{
    /// <summary>A reassembled TCP byte stream.</summary>
    Tcp,

    /// <summary>A UDP datagram.</summary>
    Udp,

    /// <summary>
    /// An IEEE 802.2 LLC frame carried directly on Ethernet, without IP (BACnet/Ethernet, ANSI/ASHRAE 135 clause 7):
    /// one frame is one message, like a datagram. Its endpoints are the MAC addresses, shown as the modified EUI-64
    /// IPv6 link-local address of each MAC (RFC 4291 appendix A) with port 0.
    /// </summary>
    Llc,
}

namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// The link-layer header type of a capture (tcpdump.org LINKTYPE_ values, as stored in pcap file headers and
/// pcapng interface description blocks). Only the values this library can decode, and a few it names in errors, are listed.
/// </summary>
public enum LinkType
{
    /// <summary>LINKTYPE_NULL (0): BSD loopback, a 4-byte address family in host byte order.</summary>
    Null = 0,

    /// <summary>LINKTYPE_ETHERNET (1): IEEE 802.3 Ethernet (Ethernet II and 802.1Q/QinQ tags).</summary>
    Ethernet = 1,

    /// <summary>DLT_RAW as some systems wrote it (12): raw IPv4 or IPv6, version in the first nibble.</summary>
    RawOpenBsd = 12,

    /// <summary>DLT_RAW as some systems wrote it (14): raw IPv4 or IPv6, version in the first nibble.</summary>
    RawBsdOs = 14,

    /// <summary>LINKTYPE_RAW (101): raw IPv4 or IPv6, version in the first nibble.</summary>
    Raw = 101,

    /// <summary>LINKTYPE_LOOP (108): OpenBSD loopback, a 4-byte address family in network byte order.</summary>
    Loop = 108,

    /// <summary>LINKTYPE_LINUX_SLL (113): Linux "cooked" capture, version 1 (16-byte header).</summary>
    LinuxSll = 113,

    /// <summary>LINKTYPE_IPV4 (228): raw IPv4.</summary>
    IPv4 = 228,

    /// <summary>LINKTYPE_IPV6 (229): raw IPv6.</summary>
    IPv6 = 229,

    /// <summary>LINKTYPE_LINUX_SLL2 (276): Linux "cooked" capture, version 2 (20-byte header).</summary>
    LinuxSll2 = 276,
}

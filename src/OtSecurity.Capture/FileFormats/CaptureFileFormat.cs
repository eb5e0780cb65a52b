namespace OtSecurity.Capture.FileFormats;

/// <summary>The container format of a capture file.</summary>
public enum CaptureFileFormat
{
    /// <summary>Not yet known (nothing read).</summary>
    Unknown = 0,

    /// <summary>Classic libpcap format (tcpdump.org).</summary>
    Pcap,

    /// <summary>PCAP Next Generation (IETF draft-ietf-opsawg-pcapng).</summary>
    PcapNg,
}

namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// One capture interface: for pcap the single interface the file header describes, for pcapng one interface
/// description block of the current section.
/// </summary>
/// <param name="LinkType">The link-layer header type of its packets.</param>
/// <param name="SnapLength">The maximum number of bytes captured per packet (0 = unlimited).</param>
/// <param name="Resolution">Units of its timestamps.</param>
/// <param name="TimestampOffsetSeconds">pcapng <c>if_tsoffset</c>: seconds added to every timestamp (0 for pcap).</param>
/// <param name="Name">pcapng <c>if_name</c>, when present.</param>
public sealed record CaptureInterface(
    LinkType LinkType,
    int SnapLength,
    TimestampResolution Resolution,
    long TimestampOffsetSeconds = 0,
    string? Name = null);

namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// One packet record read from a capture file: a view over the reader's buffer, valid until the reader reads or
/// fills again.
/// </summary>
public readonly ref struct CapturePacket
{
    /// <summary>Creates a packet view.</summary>
    /// <param name="data">The captured bytes.</param>
    /// <param name="originalLength">The length of the packet on the wire.</param>
    /// <param name="timestamp">The capture time.</param>
    /// <param name="linkType">The link-layer header type of <paramref name="data"/>.</param>
    /// <param name="interfaceId">The pcapng interface id (0 for pcap).</param>
    /// <param name="offset">Byte offset of the record in the file.</param>
    public CapturePacket(ReadOnlySpan<byte> data, int originalLength, CaptureTimestamp timestamp, LinkType linkType, int interfaceId, long offset)
    {
        Data = data;
        OriginalLength = originalLength;
        Timestamp = timestamp;
        LinkType = linkType;
        InterfaceId = interfaceId;
        Offset = offset;
    }

    /// <summary>The captured bytes (possibly fewer than <see cref="OriginalLength"/> when the snap length cut them).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The length of the packet on the wire.</summary>
    public int OriginalLength { get; }

    /// <summary>The capture time.</summary>
    public CaptureTimestamp Timestamp { get; }

    /// <summary>The link-layer header type of <see cref="Data"/>.</summary>
    public LinkType LinkType { get; }

    /// <summary>The pcapng interface id (0 for pcap).</summary>
    public int InterfaceId { get; }

    /// <summary>Byte offset, from the start of the file, of the record that holds this packet.</summary>
    public long Offset { get; }
}

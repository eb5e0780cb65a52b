namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// Writes a classic pcap file (tcpdump.org format, version 2.4) in either byte order with micro- or nanosecond
/// timestamps.
/// </summary>
public sealed class PcapWriter : CaptureWriterBase
{
    private readonly bool _nanoseconds;
    private readonly int _snapLength;

    /// <summary>Creates the writer and writes the file header.</summary>
    /// <param name="stream">Where the capture goes.</param>
    /// <param name="linkType">The link-layer header type of every packet.</param>
    /// <param name="nanoseconds">True for nanosecond timestamps (magic 0xA1B23C4D), false for microseconds (0xA1B2C3D4).</param>
    /// <param name="bigEndian">True to write big-endian.</param>
    /// <param name="snapLength">The snap length recorded in the header.</param>
    /// <param name="leaveOpen">True to leave the stream open on dispose.</param>
    public PcapWriter(Stream stream, LinkType linkType, bool nanoseconds = false, bool bigEndian = false, int snapLength = 262144, bool leaveOpen = false)
        : base(stream, bigEndian, leaveOpen)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snapLength);
        _nanoseconds = nanoseconds;
        _snapLength = snapLength;
        WriteUInt32(nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        WriteUInt16(2);
        WriteUInt16(4);
        WriteUInt32(0); // thiszone
        WriteUInt32(0); // sigfigs
        WriteUInt32((uint)snapLength);
        WriteUInt32((uint)linkType);
    }

    /// <summary>Writes one packet record.</summary>
    /// <param name="timestamp">The capture time (seconds must fit 32 bits unsigned).</param>
    /// <param name="data">The captured bytes (at most the snap length).</param>
    /// <param name="originalLength">The length on the wire; <paramref name="data"/>'s length when null.</param>
    public void WritePacket(CaptureTimestamp timestamp, ReadOnlySpan<byte> data, int? originalLength = null)
    {
        if (timestamp.Seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), "pcap timestamps hold seconds from 1970 to 2106.");
        }

        if (data.Length > _snapLength)
        {
            throw new ArgumentException($"The packet ({data.Length} bytes) is longer than the snap length ({_snapLength}).", nameof(data));
        }

        var original = originalLength ?? data.Length;
        if (original < data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(originalLength), "The original length cannot be below the captured length.");
        }

        WriteUInt32((uint)timestamp.Seconds);
        WriteUInt32(_nanoseconds ? (uint)timestamp.Nanoseconds : (uint)(timestamp.Nanoseconds / 1000));
        WriteUInt32((uint)data.Length);
        WriteUInt32((uint)original);
        WriteBytes(data);
    }
}

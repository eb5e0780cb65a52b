namespace OtSecurity.Capture.FileFormats;

/// <summary>Limits of a <see cref="CaptureFileReader"/>.</summary>
public sealed record CaptureFileReaderOptions
{
    /// <summary>The default options.</summary>
    public static CaptureFileReaderOptions Default { get; } = new();

    /// <summary>Initial size of the read buffer (default 256 KiB).</summary>
    public int BufferSize { get; init; } = 256 * 1024;

    /// <summary>
    /// Largest packet record or pcapng packet block accepted, in bytes (default 16 MiB, Wireshark's limit for pcapng blocks).
    /// The read buffer never grows beyond this; a larger record is reported as corrupt. Blocks that are skipped
    /// (name resolution, statistics, custom...) may be of any size: they are never buffered.
    /// </summary>
    public int MaxRecordLength { get; init; } = 16 * 1024 * 1024;
}

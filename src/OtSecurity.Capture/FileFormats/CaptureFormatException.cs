namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// A capture file is truncated or corrupt. Every packet before <see cref="Offset"/> has been delivered; the message says
/// what is wrong and where.
/// </summary>
public sealed class CaptureFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CaptureFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public CaptureFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CaptureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a byte offset of the file.</summary>
    /// <param name="offset">Byte offset of the damaged record or block from the start of the file.</param>
    /// <param name="message">What is wrong.</param>
    public CaptureFormatException(long offset, string message)
        : base($"{message} (at byte offset {offset})")
    {
        Offset = offset;
    }

    /// <summary>Byte offset, from the start of the file, of the record or block that could not be read.</summary>
    public long Offset { get; }
}

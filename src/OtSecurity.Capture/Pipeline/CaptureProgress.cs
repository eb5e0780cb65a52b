namespace OtSecurity.Capture.Pipeline;

/// <summary>How far a capture run has got.</summary>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's length, when known.</param>
/// <param name="Frames">Frames processed.</param>
/// <param name="Messages">Messages delivered.</param>
public readonly record struct CaptureProgress(long BytesRead, long? TotalBytes, long Frames, long Messages);

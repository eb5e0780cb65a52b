using OtSecurity.Capture.FileFormats;

namespace OtSecurity.Capture.Pipeline;

/// <summary>The outcome of a capture run in the callback form.</summary>
/// <param name="Statistics">The run's counters.</param>
/// <param name="Error">
/// When the file was truncated or corrupt: what and where. Everything before the damage was still dissected and
/// delivered, and every flow was completed.
/// </param>
public sealed record CaptureRunResult(CaptureStatistics Statistics, CaptureFormatException? Error)
{
    /// <summary>True when the whole file was read.</summary>
    public bool IsComplete => Error is null;
}

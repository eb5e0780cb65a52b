namespace OtSecurity.Capture.Pipeline;

/// <summary>A <see cref="TimeProvider"/> whose "now" is the timestamp of the frame being processed: capture time drives idleness and timeouts.</summary>
internal sealed class CaptureClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTime utc) => _now = new DateTimeOffset(utc.Ticks, TimeSpan.Zero);
}

namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// A packet's capture time as seconds and nanoseconds since the Unix epoch (1970-01-01T00:00:00Z), the precision
/// of the finest pcap and pcapng resolutions this library reads without loss.
/// </summary>
/// <param name="Seconds">Whole seconds since the Unix epoch.</param>
/// <param name="Nanoseconds">Nanoseconds within the second, 0 to 999,999,999.</param>
public readonly record struct CaptureTimestamp(long Seconds, int Nanoseconds)
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    // DateTime.UnixEpoch.Ticks and the seconds DateTime can hold after and before it (constants for the hot path).
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const long MaxSeconds = (3_155_378_975_999_999_999 - UnixEpochTicks) / TicksPerSecond;
    private const long MinSeconds = -UnixEpochTicks / TicksPerSecond;

    /// <summary>The time as a UTC <see cref="DateTime"/> (100 ns resolution: finer digits are truncated; out-of-range values are clamped).</summary>
    /// <returns>The UTC time.</returns>
    public DateTime ToDateTime()
    {
        if (Seconds >= MaxSeconds)
        {
            return DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
        }

        if (Seconds < MinSeconds)
        {
            return new DateTime(0, DateTimeKind.Utc);
        }

        return new DateTime(UnixEpochTicks + (Seconds * TicksPerSecond) + (Nanoseconds / 100), DateTimeKind.Utc);
    }

    /// <summary>Converts a <see cref="DateTime"/> (taken as UTC) to a capture timestamp.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The timestamp.</returns>
    public static CaptureTimestamp FromDateTime(DateTime time)
    {
        var ticks = time.Ticks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TicksPerSecond;
        }

        return new CaptureTimestamp(seconds, (int)(rest * 100));
    }

    /// <summary>Formats as ISO-8601 UTC with nanoseconds.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        + "." + Nanoseconds.ToString("D9", System.Globalization.CultureInfo.InvariantCulture) + "Z";
}

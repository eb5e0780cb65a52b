using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OtSecurity.Model;

/// <summary>
/// A time window that recurs every week, in the site's local time (<see cref="Sites.SiteModel.TimeZone"/>):
/// zones use them for maintenance windows, vendors for access windows.
/// </summary>
/// <remarks>
/// The window opens at <see cref="Start"/> on each of <see cref="Days"/> and closes at <see cref="End"/>
/// (exclusive). When <see cref="End"/> is not after <see cref="Start"/> the window runs past midnight into
/// the next day, so 22:00–06:00 on Saturday covers Saturday night; <see cref="End"/> equal to
/// <see cref="Start"/> is a full 24 hours.
/// </remarks>
public sealed record WeeklyWindow
{
    /// <summary>The days the window opens on.</summary>
    [JsonIgnore]
    public EquatableArray<DayOfWeek> Days { get; init; }

    [JsonInclude]
    [JsonPropertyName("days")]
    internal ImmutableArray<DayOfWeek> DaysJson
    {
        get => Days.AsImmutableArray();
        init => Days = value;
    }

    /// <summary>The local time the window opens (in JSON "HH:mm").</summary>
    public required TimeOnly Start { get; init; }

    /// <summary>The local time the window closes, exclusive (in JSON "HH:mm").</summary>
    public required TimeOnly End { get; init; }

    /// <summary>The length of the window.</summary>
    [JsonIgnore]
    public TimeSpan Duration => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);

    /// <summary>True when <paramref name="siteLocalTime"/> falls inside the window.</summary>
    /// <param name="siteLocalTime">A date and time in the site's local time.</param>
    public bool Contains(DateTime siteLocalTime)
    {
        TimeOnly time = TimeOnly.FromDateTime(siteLocalTime);
        DayOfWeek day = siteLocalTime.DayOfWeek;
        if (End > Start)
        {
            return Days.Contains(day) && time >= Start && time < End;
        }

        // The window wraps past midnight: it covers [Start, 24:00) on its day and [00:00, End) on the next.
        DayOfWeek previous = (DayOfWeek)(((int)day + 6) % 7);
        return (time >= Start && Days.Contains(day)) || (time < End && Days.Contains(previous));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join(',', Days.Select(static d => d.ToString()[..3]))} {Start:HH\\:mm}-{End:HH\\:mm}";
}

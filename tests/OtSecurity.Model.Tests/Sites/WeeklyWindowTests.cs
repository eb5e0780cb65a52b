namespace OtSecurity.Model.Tests.Sites;

public class WeeklyWindowTests
{
    // 2026-11-01 is a Sunday.
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0);

    [Theory]
    [InlineData(1, 5, 59, false)]
    [InlineData(1, 6, 0, true)]
    [InlineData(1, 9, 59, true)]
    [InlineData(1, 10, 0, false)]
    [InlineData(2, 7, 0, false)]
    public void SameDayWindow_ContainsStartButNotEnd(int day, int hour, int minute, bool inside)
    {
        var window = new WeeklyWindow { Days = [DayOfWeek.Sunday], Start = new TimeOnly(6, 0), End = new TimeOnly(10, 0) };
        Assert.Equal(inside, window.Contains(At(day, hour, minute)));
        Assert.Equal(TimeSpan.FromHours(4), window.Duration);
    }

    [Theory]
    [InlineData("2026-11-07T21:59", false)] // Saturday, before the window
    [InlineData("2026-11-07T22:00", true)]  // Saturday 22:00
    [InlineData("2026-11-08T03:00", true)]  // Sunday 03:00, still Saturday night's window
    [InlineData("2026-11-08T06:00", false)] // Sunday 06:00, closed
    [InlineData("2026-11-07T03:00", false)] // Saturday 03:00 follows Friday night, which has no window
    [InlineData("2026-11-06T23:00", false)] // Friday night
    public void WindowPastMidnight_CoversTheNextMorning(string localTime, bool inside)
    {
        var window = new WeeklyWindow { Days = [DayOfWeek.Saturday], Start = new TimeOnly(22, 0), End = new TimeOnly(6, 0) };
        Assert.Equal(inside, window.Contains(DateTime.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.FromHours(8), window.Duration);
    }

    [Fact]
    public void EqualStartAndEnd_IsAFullDay()
    {
        var window = new WeeklyWindow { Days = [DayOfWeek.Monday], Start = new TimeOnly(8, 0), End = new TimeOnly(8, 0) };
        Assert.Equal(TimeSpan.FromDays(1), window.Duration);
        Assert.True(window.Contains(At(2, 8)));
        Assert.True(window.Contains(At(3, 7, 59)));
        Assert.False(window.Contains(At(3, 8)));
    }

    [Fact]
    public void NoDays_NeverOpens()
    {
        var window = new WeeklyWindow { Start = new TimeOnly(0, 0), End = new TimeOnly(23, 59) };
        Assert.DoesNotContain(Enumerable.Range(0, 7 * 24), h => window.Contains(At(1, 0).AddHours(h)));
    }
}

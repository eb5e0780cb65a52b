using OtSecurity.Model;
using OtSecurity.Model.Zones;

namespace OtSecurity.Risk.Patching;

/// <summary>When the next maintenance window of a zone opens.</summary>
public static class MaintenanceSchedule
{
    /// <summary>
    /// Days from <paramref name="from"/> (site-local time) to the start of the zone's next maintenance window, 0 when a
    /// window is open at that moment, or null when the zone declares no window.
    /// </summary>
    /// <param name="zone">The zone.</param>
    /// <param name="from">The site-local moment to count from (for a report: the evaluation date at 00:00).</param>
    /// <returns>Days, or null.</returns>
    public static double? DaysToNextWindow(Zone zone, DateTime from)
    {
        ArgumentNullException.ThrowIfNull(zone);
        double? best = null;
        foreach (WeeklyWindow window in zone.MaintenanceWindows)
        {
            if (window.Contains(from))
            {
                return 0.0;
            }

            for (int offset = 0; offset <= 7; offset++)
            {
                DateTime day = from.Date.AddDays(offset);
                if (!window.Days.Contains(day.DayOfWeek))
                {
                    continue;
                }

                DateTime start = day + window.Start.ToTimeSpan();
                if (start < from)
                {
                    continue;
                }

                double days = (start - from).TotalDays;
                if (best is null || days < best)
                {
                    best = days;
                }

                break;
            }
        }

        return best;
    }
}

using System.Globalization;

namespace OtSecurity.Risk.Downtime;

/// <summary>
/// How long production takes to come back after an outage of a given length: restart hours =
/// <see cref="FixedHours"/> + <see cref="HoursPerOutageHour"/> × outage hours. The proportional term is how a
/// continuous process is modelled explicitly: with a factor above 1 (furnaces re-heated, reactors re-stabilised,
/// lines purged and brought back to specification) the restart takes longer than the outage itself.
/// </summary>
public readonly record struct RestartProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="fixedHours">Restart hours whatever the outage length (boot, checks, operator sign-off), finite and ≥ 0.</param>
    /// <param name="hoursPerOutageHour">Extra restart hours per hour of outage, finite and ≥ 0.</param>
    /// <exception cref="RiskInputException">A value is negative or not finite.</exception>
    public RestartProfile(double fixedHours, double hoursPerOutageHour)
    {
        if (!(fixedHours >= 0.0) || double.IsPositiveInfinity(fixedHours))
        {
            throw new RiskInputException("restart fixed hours", nameof(fixedHours), $"Invalid restart profile: the fixed restart time must be a finite number of hours ≥ 0, not {fixedHours.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!(hoursPerOutageHour >= 0.0) || double.IsPositiveInfinity(hoursPerOutageHour))
        {
            throw new RiskInputException("restart hours per outage hour", nameof(hoursPerOutageHour), $"Invalid restart profile: the restart hours per outage hour must be a finite number ≥ 0, not {hoursPerOutageHour.ToString(CultureInfo.InvariantCulture)}.");
        }

        FixedHours = fixedHours;
        HoursPerOutageHour = hoursPerOutageHour;
    }

    /// <summary>Restart hours whatever the outage length.</summary>
    public double FixedHours { get; }

    /// <summary>Extra restart hours per hour of outage.</summary>
    public double HoursPerOutageHour { get; }

    /// <summary>True when the restart outlasts any outage longer than zero (a proportional factor above 1).</summary>
    public bool RestartOutlastsOutage => HoursPerOutageHour > 1.0;

    /// <summary>Restart hours after an outage of <paramref name="outageHours"/>.</summary>
    /// <param name="outageHours">The outage length in hours.</param>
    /// <returns>FixedHours + HoursPerOutageHour × outageHours.</returns>
    public double RestartHours(double outageHours) => FixedHours + (HoursPerOutageHour * outageHours);

    /// <summary>Total hours of lost production for an outage: the outage plus its restart.</summary>
    /// <param name="outageHours">The outage length in hours.</param>
    /// <returns>outageHours + RestartHours(outageHours).</returns>
    public double LostProductionHours(double outageHours) => outageHours + RestartHours(outageHours);
}

using System.Globalization;
using OtSecurity.Risk.Distributions;

namespace OtSecurity.Risk.Downtime;

/// <summary>
/// The cost of one hour of downtime as a range, for example $50,000–500,000 an hour. A closed range is modelled as
/// PERT(low, √(low·high), high): the ranges span an order of magnitude, so the most likely value sits at the geometric
/// midpoint. An open-ended range ("$100,000–1,000,000+") is modelled as a lognormal whose 90% interval is [low, high]:
/// one hour in twenty costs more than the stated upper figure and there is no cap — that is what the "+" means.
/// </summary>
public sealed record HourlyCostRange
{
    /// <summary>Creates and validates a range.</summary>
    /// <param name="low">The low figure, finite and ≥ 0 (&gt; 0 when open-ended).</param>
    /// <param name="high">The high figure, finite and ≥ low (&gt; low when open-ended).</param>
    /// <param name="openEnded">True when the high figure is not a ceiling ("+").</param>
    /// <exception cref="RiskInputException">The figures are out of order, negative or not finite.</exception>
    public HourlyCostRange(double low, double high, bool openEnded = false)
    {
        if (!double.IsFinite(low) || low < 0.0)
        {
            throw new RiskInputException("hourly downtime cost", nameof(low), $"Invalid hourly downtime cost: the low figure must be a finite amount ≥ 0, not {Distribution.Format(low)}.");
        }

        if (!double.IsFinite(high) || high < low)
        {
            throw new RiskInputException("hourly downtime cost", nameof(high), $"Invalid hourly downtime cost: the high figure ({Distribution.Format(high)}) must be a finite amount ≥ the low figure ({Distribution.Format(low)}).");
        }

        if (openEnded && !(low > 0.0 && high > low))
        {
            throw new RiskInputException("hourly downtime cost", nameof(openEnded), $"Invalid hourly downtime cost: an open-ended range needs 0 < low < high, not {Distribution.Format(low)}–{Distribution.Format(high)}.");
        }

        Low = low;
        High = high;
        OpenEnded = openEnded;
    }

    /// <summary>The low figure per hour.</summary>
    public double Low { get; }

    /// <summary>The high figure per hour (exceeded 5% of the time when <see cref="OpenEnded"/>).</summary>
    public double High { get; }

    /// <summary>True when the high figure is not a ceiling ("+").</summary>
    public bool OpenEnded { get; }

    /// <summary>The most likely hourly cost of a closed range: √(low·high) (NaN for an open-ended range, whose mode is below its median).</summary>
    public double MostLikely => OpenEnded ? double.NaN : Math.Sqrt(Low * High);

    /// <summary>The expected hourly cost: the mean of <see cref="ToDistribution"/>.</summary>
    public double Expected => ToDistribution().Mean;

    /// <summary>The distribution of the hourly cost (see the type's remarks).</summary>
    /// <param name="name">The input's name for explanations.</param>
    /// <returns>PERT for a closed range, lognormal for an open-ended one, a constant when low = high.</returns>
    public Distribution ToDistribution(string? name = null)
    {
        if (OpenEnded)
        {
            return Distribution.LogNormalFrom90PercentInterval(Low, High, name);
        }

        return Low == High ? Distribution.Constant(Low, name) : Distribution.Pert(Low, Math.Sqrt(Low * High), High, name);
    }

    /// <summary>The range with both figures multiplied by <paramref name="factor"/>.</summary>
    /// <param name="factor">A finite factor &gt; 0.</param>
    /// <returns>The scaled range.</returns>
    public HourlyCostRange Scale(double factor)
    {
        if (!(factor > 0.0) || double.IsPositiveInfinity(factor))
        {
            throw new RiskInputException("hourly downtime cost", nameof(factor), $"Invalid scale factor {Distribution.Format(factor)}: expected a finite number > 0.");
        }

        return new HourlyCostRange(Low * factor, High * factor, OpenEnded);
    }

    /// <summary>"50,000–500,000/h" or "100,000–1,000,000+/h".</summary>
    /// <returns>The range as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Low:#,0}–{High:#,0}{(OpenEnded ? "+" : string.Empty)}/h");
}

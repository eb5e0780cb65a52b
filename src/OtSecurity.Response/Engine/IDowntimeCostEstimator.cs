using OtSecurity.Model.Sites;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Engine;

/// <summary>
/// Estimates the downtime cost of an action from what its blast radius affects and how long production is
/// expected to stop. The default implementation (<see cref="RiskDowntimeCostEstimator"/>) is OtSecurity.Risk's
/// downtime cost model; products may register their own.
/// </summary>
public interface IDowntimeCostEstimator
{
    /// <summary>The currency of every estimate (ISO 4217 code, for example "USD").</summary>
    string Currency { get; }

    /// <summary>The expected downtime cost of stopping what <paramref name="radius"/> affects for <paramref name="outageHours"/>.</summary>
    /// <param name="site">The site model.</param>
    /// <param name="radius">The action's closed blast radius.</param>
    /// <param name="outageHours">Hours of outage the action is expected to cause (finite, ≥ 0).</param>
    DowntimeCostEstimate Estimate(SiteModel site, ActionBlastRadius radius, double outageHours);
}

/// <summary>An expected downtime cost, with the reasoning behind it.</summary>
public sealed record DowntimeCostEstimate
{
    /// <summary>The expected cost, in <see cref="Currency"/>.</summary>
    public required double Amount { get; init; }

    /// <summary>The currency (ISO 4217 code, for example "USD").</summary>
    public required string Currency { get; init; }

    /// <summary>The hours of outage the action causes.</summary>
    public required double OutageHours { get; init; }

    /// <summary>The hours of lost production, including the restart after the outage.</summary>
    public required double LostProductionHours { get; init; }

    /// <summary>How the figure was computed, in words.</summary>
    public required string Basis { get; init; }

    /// <summary>A zero cost for an action that stops nothing.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="basis">Why nothing is lost.</param>
    public static DowntimeCostEstimate Zero(string currency, string basis) => new()
    {
        Amount = 0,
        Currency = currency,
        OutageHours = 0,
        LostProductionHours = 0,
        Basis = basis,
    };
}

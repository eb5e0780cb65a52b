using OtSecurity.Model.Sites;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Tests.Support;

/// <summary>A test estimator: outage hours × a flat hourly rate × the number of production lines in the radius (at least one).</summary>
public sealed class FlatRateEstimator(double hourlyRate) : IDowntimeCostEstimator
{
    public string Currency => "USD";

    public int Calls { get; private set; }

    public DowntimeCostEstimate Estimate(SiteModel site, ActionBlastRadius radius, double outageHours)
    {
        Calls++;
        int units = Math.Max(1, radius.ProductionLines.Count);
        double amount = outageHours * hourlyRate * units;
        return new DowntimeCostEstimate { Amount = amount, Currency = Currency, OutageHours = outageHours, LostProductionHours = outageHours, Basis = $"{outageHours} h × {hourlyRate}/h × {units} line(s)" };
    }
}

using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Tests.Support;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Reports;

namespace OtSecurity.Response.Tests.Engine;

/// <summary>
/// The expected downtime cost of a step from OtSecurity.Risk (the production impact policy's input), by hand on the
/// test plant (a production line: hourly PERT(50,000; 158,113.88; 500,000), mean 197,075.922/h).
/// </summary>
public class RiskDowntimeCostEstimatorTests
{
    private const double ProductionLineMean = 197_075.92200561264;

    private static readonly ActionBlastRadius Interrupts = new()
    {
        Assets = ["plc-1", "drive-1", "hist"],
        Effect = ProcessEffect.InterruptsCommunication,
    };

    [Fact]
    public void Estimate_InterruptsCommunication_CostliestAssetPerProductionUnit()
    {
        // 2 h outage. plc-1 (PLC, high, line-1): restart 1 + 0.25 × 2 = 1.5 h → 3.5 h × 197,075.92 = 689,765.73 × 0.8 = 551,812.58.
        // drive-1 (drive, medium, line-1): restart 0.5 + 0.5 = 1 h → 3 h × 197,075.92 = 591,227.77 × 0.4 = 236,491.11.
        // hist (historian, medium, no line, Purdue 3 → production-line pricing): restart 2 + 0.5 = 2.5 h → 4.5 h
        //   × 197,075.92 = 886,841.65 × 0.4 = 354,736.66.
        // Units: line-1 stops once → its costliest asset, 551,812.58; shared assets 354,736.66. Total 906,549.24.
        DowntimeCostEstimate estimate = new RiskDowntimeCostEstimator().Estimate(TestPlant.Build(), Interrupts, 2);

        Assert.Equal(((3.5 * 0.8) + (4.5 * 0.4)) * ProductionLineMean, estimate.Amount, 3);
        Assert.Equal(906_549.24, estimate.Amount, 2);
        Assert.Equal("USD", estimate.Currency);
        Assert.Equal(2, estimate.OutageHours);
        Assert.Equal(4.5, estimate.LostProductionHours, 12);
        Assert.Contains("line-1: plc-1 (high criticality, share 0.8)", estimate.Basis, StringComparison.Ordinal);
        Assert.Contains("shared assets: hist (medium criticality, share 0.4)", estimate.Basis, StringComparison.Ordinal);
        Assert.DoesNotContain("drive-1", estimate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_StopsProcess_FullShare()
    {
        // A safe state or shutdown stops the process itself: share 1 for every asset.
        // line-1: max(3.5, 3) h × 197,075.92 = 689,765.73; shared: 4.5 h × 197,075.92 = 886,841.65. Total 1,576,607.38.
        DowntimeCostEstimate estimate = new RiskDowntimeCostEstimator().Estimate(TestPlant.Build(), Interrupts with { Effect = ProcessEffect.StopsProcess }, 2);

        Assert.Equal(1_576_607.38, estimate.Amount, 2);
        Assert.Contains("process stopped, share 1", estimate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_AssetOverride_FromTheRiskAssumptions()
    {
        // plc-1 priced at a flat 100,000/h by an asset override: 3.5 h × 100,000 × 0.8 = 280,000, still line-1's costliest
        // (drive-1 236,491.11); with hist 354,736.66 the total is 634,736.66.
        var assumptions = RiskAssumptions.Default with
        {
            Currency = "EUR",
            Downtime = new DowntimeCostOverrides { Assets = new Dictionary<string, HourlyCostRange> { ["plc-1"] = new(100_000, 100_000) } },
        };

        DowntimeCostEstimate estimate = new RiskDowntimeCostEstimator(assumptions).Estimate(TestPlant.Build(), Interrupts, 2);

        Assert.Equal(634_736.66, estimate.Amount, 2);
        Assert.Equal("EUR", estimate.Currency);
        Assert.Contains("asset 'plc-1' override", estimate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NoAssetOfTheSite_Zero()
    {
        DowntimeCostEstimate estimate = new RiskDowntimeCostEstimator().Estimate(TestPlant.Build(), new ActionBlastRadius { Assets = ["ghost"] }, 2);

        Assert.Equal(0, estimate.Amount);
        Assert.Contains("no asset of the site", estimate.Basis, StringComparison.Ordinal);
    }
}

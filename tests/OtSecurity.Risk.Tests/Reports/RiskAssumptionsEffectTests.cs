using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Reports;
using OtSecurity.Risk.Simulation;

namespace OtSecurity.Risk.Tests.Reports;

/// <summary>What a risk assumptions file does to the report of <see cref="TestSites.Plant"/>, computed by hand.</summary>
public class RiskAssumptionsEffectTests
{
    private static readonly MonteCarloOptions FewSamples = new() { Samples = 500 };

    private static RiskAssumptions Load(string json)
    {
        Assert.True(RiskAssumptionsFile.TryParse(json, TestSites.Plant(), out RiskAssumptions? a, out IReadOnlyList<JsonLoadError> errors), string.Join("\n", errors));
        return a;
    }

    [Fact]
    public void AssetOverride_ScalesThatAssetsLoss_ByTheHandComputedRatio()
    {
        // plc (critical, impact 1.0, line-1): outage PERT(2, 12, 72) mean 20.3333 h, restart 1 + 0.25 × 20.3333 → lost 26.4167 h.
        // Default hourly: production line PERT(50,000; 158,113.88; 500,000) mean 197,075.92 → productivity 5,206,088.9.
        // Override 40,000–160,000: PERT(40,000; 80,000; 160,000) mean (40,000 + 320,000 + 160,000)/6 = 86,666.67 → 2,289,444.4.
        // Other terms unchanged: response 42,500 + replacement 0.05 × 30,833.33 + fines 0.02 × 143,403.15 = 46,909.73.
        // The loss event frequency is unchanged, so ALE scales like the magnitude: 2,336,354.17 / 5,252,998.62 = 0.444766.
        SiteModel site = TestSites.Plant();
        SiteRiskReport before = new SiteRiskAnalyzer().Analyze(site, [], FewSamples);
        SiteRiskReport after = new SiteRiskAnalyzer(Load("""{ "downtime": { "assets": { "plc": { "low": 40000, "high": 160000 } } } }""")).Analyze(site, [], FewSamples);

        AssetRisk plcBefore = before.Assets.Single(a => a.AssetId == "plc");
        AssetRisk plcAfter = after.Assets.Single(a => a.AssetId == "plc");
        Assert.Equal(CostSource.Asset, plcAfter.HourlyCost.Source);
        Assert.InRange(plcAfter.ExpectedMagnitude, 2_336_354.1, 2_336_354.3);
        Assert.Equal(0.444766, plcAfter.ExpectedAnnualLoss / plcBefore.ExpectedAnnualLoss, 5);
        Assert.Equal(plcBefore.LossEventFrequency, plcAfter.LossEventFrequency);

        // Nothing else changes.
        foreach (AssetRisk other in after.Assets.Where(a => a.AssetId != "plc"))
        {
            Assert.Equal(before.Assets.Single(a => a.AssetId == other.AssetId).ExpectedAnnualLoss, other.ExpectedAnnualLoss);
        }
    }

    [Fact]
    public void ZoneOverride_AppliesToItsAssetsWithoutTheirOwn()
    {
        // Zone "cell" 20,000–80,000 (PERT(20,000; 40,000; 80,000), mean 43,333.33); plc keeps its asset override.
        // hmi (high, impact 0.8; no line): outage PERT(1, 6, 48) mean 12.1667 h, restart 0.5 + 0.25 × 12.1667 → lost 15.7083 h.
        // Default productivity 15.7083 × 197,075.92 × 0.8 = 2,476,587.4; with the zone figure 15.7083 × 43,333.33 × 0.8 = 544,555.6.
        // Other terms: 42,500 + 0.02 × 30,833.33 + 0.02 × 143,403.15 = 45,984.73. Ratio 590,540.29 / 2,522,572.12 = 0.234102.
        SiteModel site = TestSites.Plant();
        SiteRiskReport before = new SiteRiskAnalyzer().Analyze(site, [], FewSamples);
        RiskAssumptions a = Load("""
            { "downtime": {
                "zones": { "cell": { "low": 20000, "high": 80000 } },
                "assets": { "plc": { "low": 40000, "high": 160000 } } } }
            """);
        SiteRiskReport after = new SiteRiskAnalyzer(a).Analyze(site, [], FewSamples);

        AssetRisk hmi = after.Assets.Single(x => x.AssetId == "hmi");
        Assert.Equal(CostSource.Zone, hmi.HourlyCost.Source);
        Assert.Equal(new HourlyCostRange(20_000, 80_000), hmi.HourlyCost.Range);
        Assert.Equal(0.234102, hmi.ExpectedAnnualLoss / before.Assets.Single(x => x.AssetId == "hmi").ExpectedAnnualLoss, 5);
        AssetRisk plc = after.Assets.Single(x => x.AssetId == "plc");
        Assert.Equal(CostSource.Asset, plc.HourlyCost.Source);
        Assert.InRange(plc.ExpectedMagnitude, 2_336_354.1, 2_336_354.3);
        Assert.Equal(CostSource.Zone, after.Zones.Single(z => z.ZoneId == "cell").HourlyCost.Source);
        // Assets of other zones keep their default.
        Assert.Equal(CostSource.EnvironmentDefault, after.Assets.Single(x => x.AssetId == "hist").HourlyCost.Source);
    }

    [Fact]
    public void LineOverride_BeatsZone_AndRestartOverrides_ChangeTheProfile()
    {
        // plc is on line-1: the line figure wins over the zone's. PLC fixed restart 3 h; production line r = 0.5.
        // Lost hours: 20.3333 + 3 + 0.5 × 20.3333 = 33.5 h; hourly fixed 100,000 → productivity 3,350,000;
        // magnitude 3,350,000 + 46,909.73 = 3,396,909.73.
        RiskAssumptions a = Load("""
            { "downtime": {
                "zones": { "cell": 20000 },
                "productionLines": { "line-1": 100000 },
                "fixedRestartHours": { "plc": 3 },
                "restartHoursPerOutageHour": { "productionLine": 0.5 } } }
            """);
        AssetRisk plc = new SiteRiskAnalyzer(a).Analyze(TestSites.Plant(), [], FewSamples).Assets.Single(x => x.AssetId == "plc");

        Assert.Equal(CostSource.ProductionLine, plc.HourlyCost.Source);
        Assert.Equal(3.0, plc.Restart.FixedHours);
        Assert.Equal(0.5, plc.Restart.HoursPerOutageHour);
        Assert.InRange(plc.ExpectedMagnitude, 3_396_909.6, 3_396_909.9);
    }
}

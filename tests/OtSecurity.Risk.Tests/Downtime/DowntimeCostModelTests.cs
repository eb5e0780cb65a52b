using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;

namespace OtSecurity.Risk.Tests.Downtime;

public class DowntimeCostModelTests
{
    [Fact]
    public void Defaults_ProductionLine_HandComputed()
    {
        // 50,000–500,000/h → PERT(50,000; √(50,000·500,000) = 158,113.88; 500,000);
        // mean = (50,000 + 4·158,113.88 + 500,000)/6 = 1,182,455.53/6 = 197,075.92.
        HourlyCostRange range = EnvironmentDefaults.HourlyCost(EnvironmentClass.ProductionLine);
        Assert.Equal(158_113.883, range.MostLikely, 2);
        Assert.Equal(197_075.922, range.Expected, 2);
        Assert.Equal("50,000–500,000/h", range.ToString());
    }

    [Fact]
    public void Defaults_OfficeIt_HandComputed()
    {
        // PERT(1,000; 3,162.28; 10,000): mean = (1,000 + 12,649.11 + 10,000)/6 = 3,941.52.
        Assert.Equal(3_941.518, EnvironmentDefaults.HourlyCost(EnvironmentClass.OfficeIt).Expected, 2);
        Assert.Equal(5_000, EnvironmentDefaults.HourlyCost(EnvironmentClass.Warehouse).Low);
    }

    [Fact]
    public void Defaults_ContinuousProcess_PlusIsAnUncappedLognormal()
    {
        // "100,000–1,000,000+": lognormal with 5th/95th percentiles 100,000 and 1,000,000:
        // μ = ln 316,227.77, σ = ln 10/(2·1.6448536) = 0.699936; mean = 316,227.77 · e^(0.699936²/2) = 404,001.28.
        HourlyCostRange range = EnvironmentDefaults.HourlyCost(EnvironmentClass.ContinuousProcess);
        Assert.True(range.OpenEnded);
        Distribution d = range.ToDistribution();
        Assert.Equal(DistributionKind.LogNormal, d.Kind);
        Assert.Equal(0.699936, d.Sigma, 5);
        Assert.Equal(404_001.28, d.Mean, 0);
        Assert.Equal(double.PositiveInfinity, d.Maximum);
        Assert.Equal("100,000–1,000,000+/h", range.ToString());
    }

    [Fact]
    public void HourlyCost_MostSpecificOverrideWins()
    {
        var site = TestSites.Plant();
        var overrides = new DowntimeCostOverrides
        {
            Site = new HourlyCostRange(1, 2),
            Zones = new Dictionary<string, HourlyCostRange> { ["cell"] = new(3, 4) },
            ProductionLines = new Dictionary<string, HourlyCostRange> { ["line-1"] = new(5, 6) },
            Assets = new Dictionary<string, HourlyCostRange> { ["plc"] = new(7, 8) },
        };
        var model = new DowntimeCostModel(site, overrides);
        Asset plc = site.FindAsset("plc")!;
        Asset hmi = site.FindAsset("hmi")!;
        Asset hist = site.FindAsset("hist")!;
        Asset erp = site.FindAsset("erp")!;

        Assert.Equal(CostSource.Asset, model.HourlyCostOf(plc).Source);              // plc: asset override
        Assert.Equal(CostSource.Zone, model.HourlyCostOf(hmi).Source);               // hmi: no line, zone override
        Assert.Equal(3, model.HourlyCostOf(hmi).Range.Low);
        Assert.Equal(CostSource.Site, model.HourlyCostOf(hist).Source);              // hist (ops, Purdue 3): site override
        Assert.Equal(CostSource.EnvironmentDefault, model.HourlyCostOf(erp).Source); // erp (enterprise): office IT default
        Assert.Equal(EnvironmentClass.OfficeIt, model.HourlyCostOf(erp).Environment);

        var lineOnly = new DowntimeCostModel(site, new DowntimeCostOverrides { ProductionLines = overrides.ProductionLines, Zones = overrides.Zones });
        Assert.Equal(CostSource.ProductionLine, lineOnly.HourlyCostOf(plc).Source); // line beats zone
    }

    [Fact]
    public void CostOfOutage_Plc8Hours_HandComputed()
    {
        // PLC on a production line: restart = 1 h fixed × 1 + 0.25 × 8 h = 3 h; lost = 11 h.
        // low 11 × 50,000 = 550,000; high 11 × 500,000 = 5,500,000; expected 11 × 197,075.92 = 2,167,835.14.
        var site = TestSites.Plant();
        var model = new DowntimeCostModel(site);
        OutageCost cost = model.CostOfOutage(site.FindAsset("plc")!, 8);
        Assert.Equal(3.0, cost.RestartHours);
        Assert.Equal(11.0, cost.LostHours);
        Assert.Equal(550_000, cost.Low);
        Assert.Equal(5_500_000, cost.High);
        Assert.Equal(2_167_835.14, cost.Expected, 1);
        Assert.Equal(cost.Expected, cost.Distribution.Mean, 3);
        Assert.False(cost.OpenEnded);
    }

    [Fact]
    public void Restart_ContinuousProcessSafetyController_TakesLongerThanTheOutage()
    {
        // Safety controller: 8 h fixed × 2 (continuous process) = 16 h, + 1.5 h per outage hour.
        // A 10 h outage needs 16 + 15 = 31 h to restart (> 10 h); lost production 41 h.
        var site = TestSites.Plant(EnvironmentClass.ContinuousProcess);
        var model = new DowntimeCostModel(site);
        RestartProfile restart = model.RestartOf(site.FindAsset("sis")!);
        Assert.Equal(16.0, restart.FixedHours);
        Assert.Equal(1.5, restart.HoursPerOutageHour);
        Assert.Equal(31.0, restart.RestartHours(10));
        Assert.True(restart.RestartHours(10) > 10);
        OutageCost cost = model.CostOfOutage(site.FindAsset("sis")!, 10);
        Assert.True(cost.OpenEnded);
        Assert.Equal(41 * 100_000, cost.Low);
    }

    [Fact]
    public void CostOfOutage_NegativeHours_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => DowntimeCostModel.CostOfOutage(new HourlyCostRange(1, 2), new RestartProfile(0, 0), -1));
        Assert.Contains("outage length", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10, false)]
    [InlineData(10, 5, false)]
    [InlineData(0, 10, true)]
    [InlineData(double.NaN, 10, false)]
    public void HourlyCostRange_Invalid_Throws(double low, double high, bool openEnded)
    {
        Assert.Throws<RiskInputException>(() => new HourlyCostRange(low, high, openEnded));
    }

    [Fact]
    public void Overrides_RestartPerKind_Apply()
    {
        var site = TestSites.Plant();
        var model = new DowntimeCostModel(site, new DowntimeCostOverrides
        {
            FixedRestartHours = new Dictionary<AssetKind, double> { [AssetKind.Plc] = 5 },
            RestartHoursPerOutageHour = new Dictionary<EnvironmentClass, double> { [EnvironmentClass.ProductionLine] = 2 },
        });
        RestartProfile r = model.RestartOf(site.FindAsset("plc")!);
        Assert.Equal(5, r.FixedHours);
        Assert.Equal(2, r.HoursPerOutageHour);
    }
}

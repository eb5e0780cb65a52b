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
        Assert.Equal(41 * 1_000_000, cost.High);
        // The distribution is the continuous-process lognormal scaled by 41 h: mean 41 × 404,001.2827 = 16,564,052.59.
        Assert.Equal(DistributionKind.LogNormal, cost.Distribution.Kind);
        Assert.Equal(16_564_052.59, cost.Expected, 1);
        Assert.Equal(cost.Expected, cost.Distribution.Mean, 3);
        Assert.Equal(0.699936, cost.Distribution.Sigma, 5);
    }

    [Theory]
    // restart(10 h) = fixed(kind) × m(environment) + r(environment) × 10, docs/risk.md §1:
    // fixed: PLC 1, HMI 0.5, historian 2, safety controller 8; m: 1, or 2 in a continuous process; r: office IT 0,
    // warehouse 0.1, production line 0.25, continuous process 1.5.
    [InlineData("plc", EnvironmentClass.OfficeIt, 1.0, 0.0, 1.0)]                // 1 + 0
    [InlineData("plc", EnvironmentClass.Warehouse, 1.0, 0.1, 2.0)]               // 1 + 0.1 × 10
    [InlineData("plc", EnvironmentClass.ProductionLine, 1.0, 0.25, 3.5)]         // 1 + 0.25 × 10
    [InlineData("plc", EnvironmentClass.ContinuousProcess, 2.0, 1.5, 17.0)]      // 1 × 2 + 1.5 × 10
    [InlineData("hmi", EnvironmentClass.ProductionLine, 0.5, 0.25, 3.0)]         // 0.5 + 2.5
    [InlineData("hmi", EnvironmentClass.ContinuousProcess, 1.0, 1.5, 16.0)]      // 0.5 × 2 + 15
    [InlineData("hist", EnvironmentClass.Warehouse, 2.0, 0.1, 3.0)]              // 2 + 1
    [InlineData("hist", EnvironmentClass.ContinuousProcess, 4.0, 1.5, 19.0)]     // 2 × 2 + 15
    [InlineData("sis", EnvironmentClass.Warehouse, 8.0, 0.1, 9.0)]               // 8 + 1
    [InlineData("sis", EnvironmentClass.OfficeIt, 8.0, 0.0, 8.0)]                // 8 + 0
    [InlineData("erp", EnvironmentClass.ContinuousProcess, 1.0, 0.0, 1.0)]       // enterprise zone: priced as office IT
    public void Restart_PerAssetKindAndEnvironment_HandComputed(string assetId, EnvironmentClass environment, double fixedHours, double perHour, double restartAfter10Hours)
    {
        var site = TestSites.Plant(environment);
        RestartProfile restart = new DowntimeCostModel(site).RestartOf(site.FindAsset(assetId)!);
        Assert.Equal(fixedHours, restart.FixedHours, 12);
        Assert.Equal(perHour, restart.HoursPerOutageHour, 12);
        Assert.Equal(restartAfter10Hours, restart.RestartHours(10), 12);
        Assert.Equal(environment == EnvironmentClass.ContinuousProcess && assetId != "erp", restart.RestartOutlastsOutage);
    }

    [Fact]
    public void BuildingController_InAContinuousProcess_IsPricedAsAWarehouse()
    {
        // A building controller (facility systems) in the ops zone of a continuous process: warehouse economics,
        // 5,000–50,000/h, restart 0.5 h + 0.1 × 4 h = 0.9 h; a 4 h outage loses 4.9 h: 24,500–245,000.
        var site = TestSites.Plant(EnvironmentClass.ContinuousProcess);
        var bms = new Asset { Id = "bms", Name = "Chiller controller", Kind = AssetKind.BuildingController };
        site = site with
        {
            Assets = [.. site.Assets, bms],
            Zones = [.. site.Zones.Select(z => z.Id == "ops" ? z with { AssetIds = [.. z.AssetIds, "bms"] } : z)],
        };
        var model = new DowntimeCostModel(site);
        Assert.Equal(EnvironmentClass.Warehouse, model.EnvironmentOf(bms));
        Assert.Equal(EnvironmentClass.ContinuousProcess, model.EnvironmentOf(site.FindAsset("hist")!));
        ResolvedHourlyCost hourly = model.HourlyCostOf(bms);
        Assert.Equal(CostSource.EnvironmentDefault, hourly.Source);
        Assert.Equal(5_000, hourly.Range.Low);
        OutageCost cost = model.CostOfOutage(bms, 4);
        Assert.Equal(0.9, cost.RestartHours, 12);
        Assert.Equal(24_500, cost.Low, 9);
        Assert.Equal(245_000, cost.High, 9);
    }

    [Fact]
    public void HourlyCost_ZoneOfItsOwn_ZoneOverrideElseSiteElseDefault()
    {
        var site = TestSites.Plant();
        var model = new DowntimeCostModel(site, new DowntimeCostOverrides
        {
            Site = new HourlyCostRange(20_000, 80_000),
            Zones = new Dictionary<string, HourlyCostRange> { ["cell"] = new(60_000, 90_000) },
        });
        Assert.Equal(CostSource.Zone, model.HourlyCostOf(site.FindZone("cell")!).Source);
        Assert.Equal(60_000, model.HourlyCostOf(site.FindZone("cell")!).Range.Low);
        Assert.Equal(CostSource.Site, model.HourlyCostOf(site.FindZone("ops")!).Source);
        Assert.Equal(20_000, model.HourlyCostOf(site.FindZone("ops")!).Range.Low);
        // The DMZ is priced as office IT, not the site's class, so the site override does not apply to it.
        ResolvedHourlyCost dmz = model.HourlyCostOf(site.FindZone("dmz")!);
        Assert.Equal(CostSource.EnvironmentDefault, dmz.Source);
        Assert.Equal(EnvironmentClass.OfficeIt, dmz.Environment);
        Assert.Equal(1_000, dmz.Range.Low);
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

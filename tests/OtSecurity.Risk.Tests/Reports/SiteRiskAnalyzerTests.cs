using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Reports;
using OtSecurity.Risk.Simulation;
using OtSecurity.Risk.Ssvc;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Risk.Tests.Reports;

public class SiteRiskAnalyzerTests
{
    private static readonly VulnerabilityRecord PlcCve = new()
    {
        AssetId = "plc",
        CveId = "CVE-2021-22681",
        Cvss = 10.0,
        Exploitation = SsvcExploitation.Active,
        Automatable = SsvcAutomatable.Yes,
        TechnicalImpact = SsvcTechnicalImpact.Total,
        PatchAvailable = false,
    };

    private static readonly SsvcExploitation[] Exploitations = Enum.GetValues<SsvcExploitation>();

    [Fact]
    public void Plc_HandComputed()
    {
        // plc exposure 50 (see ExposureCalculatorTests) → multiplier 2^((50 − 40)/15) = 2^(2/3) = 1.587401.
        // TEF = PERT(0.02, 0.1, 0.5) scaled: mean (0.02 + 0.4 + 0.5)/6 = 0.153333 × 1.587401 = 0.243402.
        // Vulnerability: baseline 0.3 (controller); CVE p = 10/10 × 0.9 (active) × 1.0 (automatable) = 0.9;
        //   V = 1 − (1 − 0.3)(1 − 0.9) = 0.93. LEF = 0.243402 × 0.93 = 0.226364.
        var analyzer = new SiteRiskAnalyzer();
        SiteModel site = TestSites.Plant();
        SiteRiskReport report = analyzer.Analyze(site, [PlcCve], new MonteCarloOptions { Samples = 2_000 });
        AssetRisk plc = report.Assets.Single(a => a.AssetId == "plc");
        Assert.Equal(0.243402, plc.ThreatEventFrequency, 5);
        Assert.Equal(0.93, plc.Vulnerability, 12);
        Assert.Equal(0.226364, plc.LossEventFrequency, 5);

        // Magnitude: outage PERT(2, 12, 72) mean (2 + 48 + 72)/6 = 20.3333 h; restart 1 + 0.25 × 20.3333 = 6.0833 h;
        // lost 26.4167 h; hourly = production line PERT mean 197,075.92 × impact 1.0 (critical) → productivity 5,206,088.94.
        // Response PERT(5,000, 25,000, 150,000) mean 42,500; replacement 0.05 × PERT(5,000, 20,000, 100,000) mean 30,833.33 = 1,541.67;
        // fines 0.02 × lognormal mean (90% interval 10,000–500,000: e^(ln 70,710.68 + 1.189126²/2) = 143,403.15) = 2,868.06.
        // Magnitude = 5,206,088.94 + 42,500 + 1,541.67 + 2,868.06 = 5,252,998.67; ALE = 0.226363 × 5,252,998.67 = 1,189,086.6.
        Assert.InRange(plc.ExpectedMagnitude, 5_252_998.6, 5_252_998.7);
        Assert.InRange(plc.ExpectedAnnualLoss, 1_189_086.5, 1_189_086.7);
        Assert.Equal(plc.LossEventFrequency * plc.ExpectedMagnitude, plc.ExpectedAnnualLoss, 3);

        // The CVE accounts for ALE × (1 − V_without/V) = ALE × (1 − 0.3/0.93).
        VulnerabilityRisk v = Assert.Single(plc.Vulnerabilities);
        Assert.Equal(plc.ExpectedAnnualLoss * (1 - (0.3 / 0.93)), v.ExpectedAnnualLoss, 3);
        Assert.Equal(SsvcDecision.Act, v.Ssvc);
        Assert.Equal(RemediationBucket.Now, v.Bucket.Bucket);
    }

    [Fact]
    public void Plc_TopFactors_InCurrency_HandComputed()
    {
        // plc ALE 1,189,086.6 (Plc_HandComputed). Contributions: the CVE ALE × (1 − 0.3/0.93) = 805,510.3; an exposure
        // factor of f points ALE × (1 − 2^(−f/15)): segmentation (firewall) 18 → × 0.564725 = 671,506.6; vendor
        // connection 10 → × 0.370039 = 440,009.0; always-on vendor access 6 → × 0.242142 = 287,927.5 (fourth, left out).
        SiteRiskReport report = new SiteRiskAnalyzer().Analyze(TestSites.Plant(), [PlcCve], new MonteCarloOptions { Samples = 1_000 });
        AssetRisk plc = report.Assets.Single(a => a.AssetId == "plc");
        Assert.Equal(3, plc.TopFactors.Count);
        Assert.StartsWith("CVE-2021-22681", plc.TopFactors[0].Label, StringComparison.Ordinal);
        Assert.Equal(plc.ExpectedAnnualLoss * (1 - (0.3 / 0.93)), plc.TopFactors[0].AnnualLoss, 3);
        Assert.Contains("weakest path to the enterprise network is protected by a firewall", plc.TopFactors[1].Label, StringComparison.Ordinal);
        Assert.Equal(plc.ExpectedAnnualLoss * (1 - Math.Pow(2, -18 / 15.0)), plc.TopFactors[1].AnnualLoss, 3);
        Assert.Contains("vendor 'Acme' has remote access", plc.TopFactors[2].Label, StringComparison.Ordinal);
        Assert.Equal(plc.ExpectedAnnualLoss * (1 - Math.Pow(2, -10 / 15.0)), plc.TopFactors[2].AnnualLoss, 3);
        Assert.InRange(plc.TopFactors[0].AnnualLoss, 805_510.1, 805_510.4);
        Assert.InRange(plc.TopFactors[1].AnnualLoss, 671_506.4, 671_506.8);
        Assert.InRange(plc.TopFactors[2].AnnualLoss, 440_008.8, 440_009.2);
    }

    [Fact]
    public void Report_RanksAndSums()
    {
        SiteRiskReport report = new SiteRiskAnalyzer().Analyze(TestSites.Plant(), [PlcCve], new MonteCarloOptions { Samples = 2_000 });
        Assert.Equal(report.Assets.Sum(a => a.ExpectedAnnualLoss), report.ExpectedAnnualLoss, 3);
        Assert.Equal(report.ExpectedAnnualLoss, report.Zones.Sum(z => z.ExpectedAnnualLoss), 3);
        Assert.True(report.Assets.Zip(report.Assets.Skip(1)).All(p => p.First.ExpectedAnnualLoss >= p.Second.ExpectedAnnualLoss));
        Assert.True(report.Zones.Zip(report.Zones.Skip(1)).All(p => p.First.ExpectedAnnualLoss >= p.Second.ExpectedAnnualLoss));
        Assert.Equal("plc", report.Assets[0].AssetId);
        Assert.Equal("cell", report.Zones[0].ZoneId);
        Assert.All(report.Assets, a => Assert.InRange(a.TopFactors.Count, 0, 3));
    }

    [Fact]
    public void SegmentationUpgrades_HandComputedSaving()
    {
        // Upgrading c-dmz-ops from firewall to DMZ lowers the weakest path of ops and cell from 18 to 8 points:
        // their assets' threat frequency falls by 2^(−10/15) = 0.63; the dmz and ent assets do not change.
        var analyzer = new SiteRiskAnalyzer();
        SiteModel site = TestSites.Plant();
        SiteRiskReport report = analyzer.Analyze(site, [PlcCve], new MonteCarloOptions { Samples = 1_000 });
        SegmentationUpgrade upgrade = report.SegmentationUpgrades.Single(u => u.ConduitId == "c-dmz-ops");
        Assert.Equal(SegmentationLevel.Dmz, upgrade.To);
        double opsAndCell = report.Assets.Where(a => a.ZoneId is "ops" or "cell").Sum(a => a.ExpectedAnnualLoss);
        Assert.Equal(opsAndCell * (1 - Math.Pow(2, -10.0 / 15)), upgrade.Savings, 3);
        Assert.True(report.SegmentationUpgrades[0].Savings >= report.SegmentationUpgrades[^1].Savings);
    }

    [Fact]
    public void Analyze_UnknownAsset_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => new SiteRiskAnalyzer().Analyze(TestSites.Plant(), [PlcCve with { AssetId = "ghost" }]));
        Assert.Contains("no asset 'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SameSeed_SameReport()
    {
        var options = new MonteCarloOptions { Samples = 3_000, Seed = 9 };
        SiteRiskReport a = new SiteRiskAnalyzer().Analyze(TestSites.Plant(), [PlcCve], options);
        SiteRiskReport b = new SiteRiskAnalyzer().Analyze(TestSites.Plant(), [PlcCve], options);
        Assert.Equal(a.Simulation.P99, b.Simulation.P99);
        Assert.Equal(a.Simulation.AnnualizedLossExpectancy, b.Simulation.AnnualizedLossExpectancy);
        // The Monte Carlo mean converges to the closed form (±10% at 3,000 years for this heavy-tailed site).
        Assert.InRange(a.Simulation.AnnualizedLossExpectancy, a.ExpectedAnnualLoss * 0.9, a.ExpectedAnnualLoss * 1.1);
    }

    [Fact]
    public void DemoPlant_ReportIsComplete()
    {
        string root = TestSites.RepositoryRoot();
        Assert.True(SiteModelJson.TryLoad(Path.Combine(root, "samples", "data", "demo-plant.site.json"), out SiteModel? site, out _));
        Assert.True(VulnerabilityFile.TryLoad(Path.Combine(root, "samples", "data", "demo-plant.vulns.json"), out var records, out _));
        SiteRiskReport report = new SiteRiskAnalyzer().Analyze(site, records, new MonteCarloOptions { Samples = 2_000 });
        Assert.Equal(site.Assets.Count, report.Assets.Count);
        Assert.Equal(site.Zones.Count, report.Zones.Count);
        Assert.Equal(records.Count, report.Assets.Sum(a => a.Vulnerabilities.Count));
        // The Windows XP HMI with BlueKeep has no patch (patchability: no patch available): compensate, now.
        VulnerabilityRisk blueKeep = report.Assets.Single(a => a.AssetId == "sup-hmi-2").Vulnerabilities.Single(v => v.Record.CveId == "CVE-2019-0708");
        Assert.Equal(SsvcDecision.Act, blueKeep.Ssvc);
        Assert.Equal(RemediationBucket.Now, blueKeep.Bucket.Bucket);
        Assert.Equal(Risk.Patching.PatchOption.Compensate, blueKeep.Patch.Recommendation);
        Assert.NotEmpty(report.SegmentationUpgrades);
        Assert.True(report.ExpectedAnnualLoss > 0);
    }

    // A random segmentation for each wired conduit of the test plant, and one conduit to strengthen.
    private static Gen<(SegmentationLevel[] Levels, int Conduit, int Steps)> Configurations() =>
        from levels in Gen.ArrayOf(Gen.Elements(Enum.GetValues<SegmentationLevel>()), 3)
        from conduit in Gen.Choose(0, 2)
        from steps in Gen.Choose(1, 4)
        select (levels, conduit, steps);

    [Property(MaxTest = 60)]
    public Property StrongerSegmentation_NeverRaisesExpectedLoss()
    {
        var analyzer = new SiteRiskAnalyzer();
        string[] conduits = ["c-ent-dmz", "c-dmz-ops", "c-ops-cell"];
        return Prop.ForAll(Configurations().ToArbitrary(), c =>
        {
            SiteModel before = TestSites.Plant(entDmz: c.Levels[0], dmzOps: c.Levels[1], opsCell: c.Levels[2]);
            SegmentationLevel stronger = (SegmentationLevel)Math.Min((int)SegmentationLevel.AirGap, (int)c.Levels[c.Conduit] + c.Steps);
            SiteModel after = SiteRiskAnalyzer.WithSegmentation(before, conduits[c.Conduit], stronger);
            return analyzer.ExpectedAnnualLoss(after, [PlcCve]) <= analyzer.ExpectedAnnualLoss(before, [PlcCve]);
        });
    }

    [Property(MaxTest = 60)]
    public Property StrongerSegmentation_NeverRaisesSimulatedLoss()
    {
        // Same seed: common random numbers make the Monte Carlo mean monotone too.
        var analyzer = new SiteRiskAnalyzer();
        string[] conduits = ["c-ent-dmz", "c-dmz-ops", "c-ops-cell"];
        var options = new MonteCarloOptions { Samples = 500, Seed = 5 };
        return Prop.ForAll(Configurations().ToArbitrary(), c =>
        {
            SiteModel before = TestSites.Plant(entDmz: c.Levels[0], dmzOps: c.Levels[1], opsCell: c.Levels[2]);
            SegmentationLevel stronger = (SegmentationLevel)Math.Min((int)SegmentationLevel.AirGap, (int)c.Levels[c.Conduit] + c.Steps);
            SiteModel after = SiteRiskAnalyzer.WithSegmentation(before, conduits[c.Conduit], stronger);
            return LossSimulation.Run(analyzer.Scenarios(after, [PlcCve]), options).AnnualizedLossExpectancy
                <= LossSimulation.Run(analyzer.Scenarios(before, [PlcCve]), options).AnnualizedLossExpectancy;
        });
    }

    [Property(MaxTest = 60)]
    public Property HigherDowntimeCost_NeverLowersExpectedLoss()
    {
        // Raise any of the site, zone, line or asset hourly figures (low and high independently, open-ended or not).
        Gen<(int Level, double Low, double High, double RaiseLow, double RaiseHigh, bool Open, int Environment)> gen =
            from level in Gen.Choose(0, 3)
            from low in Gen.Choose(1, 200).Select(x => x * 1_000.0)
            from span in Gen.Choose(1, 50).Select(x => x * 1.0)
            from raiseLow in Gen.Choose(0, 100).Select(x => x * 500.0)
            from raiseHigh in Gen.Choose(0, 100).Select(x => x * 5_000.0)
            from open in ArbMap.Default.GeneratorFor<bool>()
            from environment in Gen.Choose(0, 3)
            select (level, low, low * (1 + span), raiseLow, raiseHigh, open, environment);
        return Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var before = new HourlyCostRange(g.Low, g.High, g.Open);
            double newLow = g.Low + g.RaiseLow;
            var after = new HourlyCostRange(newLow, Math.Max(g.High + g.RaiseHigh, newLow * 1.01), g.Open);
            SiteModel site = TestSites.Plant((EnvironmentClass)g.Environment);
            double lossBefore = Loss(site, g.Level, before);
            double lossAfter = Loss(site, g.Level, after);
            return (lossAfter >= lossBefore * (1 - 1e-12)).Label($"{before} → {after}: {lossBefore} → {lossAfter}");
        });
    }

    [Property(MaxTest = 40)]
    public Property PercentilesOfTheSiteSimulation_AreOrdered()
    {
        var analyzer = new SiteRiskAnalyzer();
        IReadOnlyList<Risk.Loss.LossScenario> scenarios = analyzer.Scenarios(TestSites.Plant(), [PlcCve]);
        return Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), seed =>
        {
            SimulationResult r = LossSimulation.Run(scenarios, new MonteCarloOptions { Samples = 500, Seed = seed });
            return r.P10 <= r.P50 && r.P50 <= r.P90 && r.P90 <= r.P99 && r.P99 <= r.Maximum;
        });
    }

    private static double Loss(SiteModel site, int level, HourlyCostRange range)
    {
        DowntimeCostOverrides overrides = level switch
        {
            0 => new DowntimeCostOverrides { Site = range },
            1 => new DowntimeCostOverrides { Zones = new Dictionary<string, HourlyCostRange> { ["cell"] = range } },
            2 => new DowntimeCostOverrides { ProductionLines = new Dictionary<string, HourlyCostRange> { ["line-1"] = range } },
            _ => new DowntimeCostOverrides { Assets = new Dictionary<string, HourlyCostRange> { ["plc"] = range } },
        };
        return new SiteRiskAnalyzer(RiskAssumptions.Default with { Downtime = overrides }).ExpectedAnnualLoss(site, [PlcCve]);
    }
}

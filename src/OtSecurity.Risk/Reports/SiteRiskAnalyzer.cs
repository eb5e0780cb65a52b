using System.Globalization;
using OtSecurity.Model;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Zones;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Exposure;
using OtSecurity.Risk.Loss;
using OtSecurity.Risk.Patching;
using OtSecurity.Risk.Simulation;
using OtSecurity.Risk.Ssvc;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Risk.Reports;

/// <summary>
/// Builds the site risk report: per asset an Open FAIR scenario (threat event frequency = base frequency × exposure
/// multiplier; vulnerability = 1 − (1 − baseline susceptibility) × Π(1 − p(CVE)); magnitude from the downtime cost
/// model and the assumptions), ranked zones and assets with their top contributors in currency, SSVC, Now / Next / Never
/// and patch decisions per vulnerability, what each segmentation upgrade would save, and a seeded Monte Carlo of the
/// site's annual loss.
/// </summary>
public sealed class SiteRiskAnalyzer
{
    private readonly RiskAssumptions _assumptions;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="assumptions">The assumptions; the defaults when null.</param>
    public SiteRiskAnalyzer(RiskAssumptions? assumptions = null)
    {
        _assumptions = assumptions ?? RiskAssumptions.Default;
    }

    /// <summary>The assumptions in force.</summary>
    public RiskAssumptions Assumptions => _assumptions;

    /// <summary>Analyzes a site.</summary>
    /// <param name="site">The site model.</param>
    /// <param name="vulnerabilities">Known vulnerabilities (records for assets the site does not have are an error).</param>
    /// <param name="simulation">Monte Carlo options; defaults when null.</param>
    /// <param name="findings">Observed findings from monitoring, if any.</param>
    /// <returns>The report.</returns>
    /// <exception cref="RiskInputException">A vulnerability names an unknown asset, or an input is out of range.</exception>
    public SiteRiskReport Analyze(SiteModel site, IReadOnlyList<VulnerabilityRecord> vulnerabilities, MonteCarloOptions? simulation = null, IEnumerable<Alert>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(vulnerabilities);
        Alert[] observed = findings?.ToArray() ?? [];
        IReadOnlyList<string> unknown = VulnerabilityFile.CheckAssets(vulnerabilities, site.Assets.Select(a => a.Id));
        if (unknown.Count > 0)
        {
            throw new RiskInputException("vulnerabilities", nameof(vulnerabilities), string.Join(" ", unknown));
        }

        var downtime = new DowntimeCostModel(site, _assumptions.Downtime);
        var exposure = new ExposureCalculator(site, _assumptions.Exposure, observed);
        ILookup<string, VulnerabilityRecord> byAsset = vulnerabilities.ToLookup(v => v.AssetId, StringComparer.Ordinal);
        var cores = new List<AssetCore>(site.Assets.Count);
        foreach (Asset asset in site.Assets)
        {
            cores.Add(Compute(asset, [.. byAsset[asset.Id]], downtime, exposure));
        }

        DateTime from = site.EvaluationDate.ToDateTime(TimeOnly.MinValue);
        var assets = new List<AssetRisk>(cores.Count);
        foreach (AssetCore core in cores)
        {
            assets.Add(Describe(core, site, downtime, from));
        }

        double total = Sum(cores.Select(c => c.Scenario.ExpectedAnnualLoss));
        var zones = new List<ZoneRisk>();
        foreach (Zone zone in site.Zones)
        {
            AssetRisk[] members = [.. assets.Where(a => string.Equals(a.ZoneId, zone.Id, StringComparison.Ordinal))];
            zones.Add(new ZoneRisk(
                zone.Id,
                zone.Name,
                zone.PurdueLevel,
                exposure.ForZone(zone.Id),
                Sum(members.Select(a => a.ExpectedAnnualLoss)),
                downtime.HourlyCostOf(zone),
                TopByLabel(members.SelectMany(a => a.TopFactors), 3)));
        }

        var upgrades = new List<SegmentationUpgrade>();
        foreach (Conduit conduit in site.Conduits.Where(c => c.Channel == ChannelKind.Wired && c.Segmentation < SegmentationLevel.Dmz).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            SegmentationLevel next = conduit.Segmentation + 1;
            SiteModel upgraded = WithSegmentation(site, conduit.Id, next);
            double after = ExpectedAnnualLoss(upgraded, vulnerabilities, observed);
            upgrades.Add(new SegmentationUpgrade(conduit.Id, conduit.ZoneA, conduit.ZoneB, conduit.Segmentation, next, total, after));
        }

        SimulationResult result = LossSimulation.Run([.. cores.Select(c => c.Scenario)], simulation);
        return new SiteRiskReport
        {
            Site = site.Name,
            Environment = site.Environment,
            EvaluationDate = site.EvaluationDate,
            Currency = _assumptions.Currency,
            ExpectedAnnualLoss = total,
            Simulation = result,
            Zones = [.. zones.OrderByDescending(z => z.ExpectedAnnualLoss).ThenBy(z => z.ZoneId, StringComparer.Ordinal)],
            Assets = [.. assets.OrderByDescending(a => a.ExpectedAnnualLoss).ThenBy(a => a.AssetId, StringComparer.Ordinal)],
            SegmentationUpgrades = [.. upgrades.OrderByDescending(u => u.Savings).ThenBy(u => u.ConduitId, StringComparer.Ordinal)],
        };
    }

    /// <summary>The site's expected annual loss in closed form (no simulation, no patch decisions): the sum of the assets' E[LEF] × E[magnitude].</summary>
    /// <param name="site">The site model.</param>
    /// <param name="vulnerabilities">Known vulnerabilities.</param>
    /// <param name="findings">Observed findings, if any.</param>
    /// <returns>The expected annual loss.</returns>
    public double ExpectedAnnualLoss(SiteModel site, IReadOnlyList<VulnerabilityRecord> vulnerabilities, IEnumerable<Alert>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(vulnerabilities);
        var downtime = new DowntimeCostModel(site, _assumptions.Downtime);
        var exposure = new ExposureCalculator(site, _assumptions.Exposure, findings);
        ILookup<string, VulnerabilityRecord> byAsset = vulnerabilities.ToLookup(v => v.AssetId, StringComparer.Ordinal);
        return Sum(site.Assets.Select(a => Compute(a, [.. byAsset[a.Id]], downtime, exposure).Scenario.ExpectedAnnualLoss));
    }

    /// <summary>The Open FAIR scenarios of every asset (for running a Monte Carlo with other options).</summary>
    /// <param name="site">The site model.</param>
    /// <param name="vulnerabilities">Known vulnerabilities.</param>
    /// <param name="findings">Observed findings, if any.</param>
    /// <returns>One scenario per asset, in model order.</returns>
    public IReadOnlyList<LossScenario> Scenarios(SiteModel site, IReadOnlyList<VulnerabilityRecord> vulnerabilities, IEnumerable<Alert>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(vulnerabilities);
        var downtime = new DowntimeCostModel(site, _assumptions.Downtime);
        var exposure = new ExposureCalculator(site, _assumptions.Exposure, findings);
        ILookup<string, VulnerabilityRecord> byAsset = vulnerabilities.ToLookup(v => v.AssetId, StringComparer.Ordinal);
        return [.. site.Assets.Select(a => Compute(a, [.. byAsset[a.Id]], downtime, exposure).Scenario)];
    }

    /// <summary>The site with one conduit's segmentation changed.</summary>
    /// <param name="site">The site.</param>
    /// <param name="conduitId">The conduit.</param>
    /// <param name="level">The new level.</param>
    /// <returns>A new site model.</returns>
    public static SiteModel WithSegmentation(SiteModel site, string conduitId, SegmentationLevel level)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site with
        {
            Conduits = site.Conduits.Select(c => string.Equals(c.Id, conduitId, StringComparison.Ordinal) ? c with { Segmentation = level } : c).ToEquatableArray(),
        };
    }

    private sealed record AssetCore(Asset Asset, VulnerabilityRecord[] Vulnerabilities, double[] ExploitProbabilities, double Baseline, ExposureScore Exposure, ResolvedHourlyCost HourlyCost, double Impact, RestartProfile Restart, EnvironmentClass Environment, LossScenario Scenario, string? ZoneId);

    private AssetCore Compute(Asset asset, VulnerabilityRecord[] vulnerabilities, DowntimeCostModel downtime, ExposureCalculator exposure)
    {
        ExposureScore score = exposure.ForAsset(asset.Id);
        Distribution tef = _assumptions.BaseThreatEventFrequency.Scale(score.ThreatFrequencyMultiplier);
        double baseline = Math.Min(1.0, _assumptions.BaselineSusceptibility(asset.Kind) + (asset.IsLegacy(downtime.Site.EvaluationDate) ? _assumptions.LegacySusceptibility : 0.0));
        double[] p = [.. vulnerabilities.Select(v => _assumptions.ExploitProbability(v.Cvss, v.Exploitation, v.Automatable))];
        double vulnerability = Susceptibility(baseline, p, skip: -1);
        ResolvedHourlyCost hourly = downtime.HourlyCostOf(asset);
        double impact = _assumptions.ProductionImpact(asset.Criticality ?? Criticality.Medium);
        EnvironmentClass environment = downtime.EnvironmentOf(asset);
        RestartProfile restart = downtime.RestartOf(asset);
        var magnitude = new LossMagnitudeModel(
            _assumptions.OutageHours(asset.Kind),
            hourly.Range.ToDistribution($"hourly downtime cost of {asset.Id}").Scale(impact),
            restart,
            _assumptions.ResponseCost,
            _assumptions.ReplacementCost,
            _assumptions.ReplacementProbability(asset.Kind),
            _assumptions.Fines,
            Math.Min(1.0, _assumptions.FineProbability(asset.SafetyRole, environment)),
            _assumptions.SafetyMultiplier(asset.SafetyRole),
            _assumptions.EnvironmentalMultiplier(environment));
        var scenario = new LossScenario(asset.Id, tef, Distribution.Constant(vulnerability, $"vulnerability of {asset.Id}"), magnitude);
        return new AssetCore(asset, vulnerabilities, p, baseline, score, hourly, impact, restart, environment, scenario, downtime.ZoneOf(asset.Id)?.Id);
    }

    private AssetRisk Describe(AssetCore core, SiteModel site, DowntimeCostModel downtime, DateTime from)
    {
        LossScenario s = core.Scenario;
        double ale = s.ExpectedAnnualLoss;
        double v = s.Vulnerability.Mean;
        var contributions = new List<LossContribution>();
        ExposureOptions options = _assumptions.Exposure;
        foreach (ExposureFactor factor in core.Exposure.Factors.Where(f => f.Points > 0))
        {
            double without = options.ThreatFrequencyMultiplier(Math.Clamp(core.Exposure.RawScore - factor.Points, 0, 100));
            double share = 1.0 - (without / core.Exposure.ThreatFrequencyMultiplier);
            contributions.Add(new LossContribution($"exposure: {factor.Description}", ale * share, string.Create(CultureInfo.InvariantCulture, $"+{factor.Points:0.#} exposure points ({factor.Kind}; {factor.Evidence})")));
        }

        Zone? zone = core.ZoneId is null ? null : site.FindZone(core.ZoneId);
        double? days = zone is null ? null : MaintenanceSchedule.DaysToNextWindow(zone, from);
        bool controls = zone is not null && zone.CompensatingControls.Count > 0;
        HourlyCostRange impacted = core.HourlyCost.Range.Scale(core.Impact);
        var vulnerabilities = new List<VulnerabilityRisk>(core.Vulnerabilities.Length);
        for (int i = 0; i < core.Vulnerabilities.Length; i++)
        {
            VulnerabilityRecord record = core.Vulnerabilities[i];
            double vWithout = Susceptibility(core.Baseline, core.ExploitProbabilities, skip: i);
            double attributable = v > 0 ? ale * (1.0 - (vWithout / v)) : 0.0;
            contributions.Add(new LossContribution(
                $"{record.CveId}{(record.Title is null ? string.Empty : " (" + record.Title + ")")}",
                attributable,
                string.Create(CultureInfo.InvariantCulture, $"CVSS {record.Cvss:0.0}, exploitation {record.Exploitation}, automatable {record.Automatable}: p = {core.ExploitProbabilities[i]:0.###}")));

            (SsvcDecision decision, OtMissionAndWellBeing mwb) = OtSsvc.Decide(
                record.Exploitation, record.Automatable, record.TechnicalImpact, OtSsvc.PrevalenceOf(core.Asset.Criticality ?? Criticality.Medium), _assumptions.PublicWellBeing, core.Asset.SafetyRole, core.Environment);
            bool available = record.PatchAvailable && core.Asset.Patchability != Patchability.NoPatchAvailable;
            bool applicable = available && record.VendorCertification is VendorCertification.NotRequired or VendorCertification.Certified;
            BucketDecision bucket = RemediationBucketing.Decide(decision, new BucketInputs(available, applicable, days, controls));
            double patchHours = _assumptions.PatchHours(core.Asset.Kind);
            PatchDecision patch = PatchDecisionCalculator.Decide(new PatchDecisionInput
            {
                AssetId = core.Asset.Id,
                CveId = record.CveId,
                ExpectedAnnualLoss = attributable,
                PatchOutage = DowntimeCostModel.CostOfOutage(impacted, core.Restart, patchHours, core.HourlyCost.Explanation),
                RollbackOutage = DowntimeCostModel.CostOfOutage(impacted, core.Restart, patchHours * _assumptions.RollbackHoursFactor, core.HourlyCost.Explanation),
                PatchAvailable = available,
                Certification = record.VendorCertification,
                RequiresVendorCertification = core.Asset.Patchability == Patchability.VendorCertificationRequired,
                TestEnvironmentAvailable = _assumptions.AssetsWithTestEnvironment.Contains(core.Asset.Id),
                SafetyRole = core.Asset.SafetyRole,
                DaysToNextWindow = days,
                Controls = _assumptions.CompensatingControls,
            });
            vulnerabilities.Add(new VulnerabilityRisk(record, core.ExploitProbabilities[i], attributable, decision, mwb, bucket, patch));
        }

        return new AssetRisk
        {
            AssetId = core.Asset.Id,
            Name = core.Asset.Name,
            Kind = core.Asset.Kind,
            ZoneId = core.ZoneId,
            Exposure = core.Exposure,
            HourlyCost = core.HourlyCost,
            ProductionImpact = core.Impact,
            Restart = core.Restart,
            ThreatEventFrequency = s.ThreatEventFrequency.Mean,
            Vulnerability = v,
            LossEventFrequency = s.ExpectedLossEventFrequency,
            ExpectedMagnitude = s.Magnitude.ExpectedMagnitude,
            ExpectedAnnualLoss = ale,
            TopFactors = [.. contributions.OrderByDescending(c => c.AnnualLoss).ThenBy(c => c.Label, StringComparer.Ordinal).Take(3)],
            Vulnerabilities = [.. vulnerabilities.OrderByDescending(x => x.ExpectedAnnualLoss).ThenBy(x => x.Record.CveId, StringComparer.Ordinal)],
        };
    }

    private static double Susceptibility(double baseline, double[] p, int skip)
    {
        double survive = 1.0 - baseline;
        for (int i = 0; i < p.Length; i++)
        {
            if (i != skip)
            {
                survive *= 1.0 - p[i];
            }
        }

        return 1.0 - survive;
    }

    private static List<LossContribution> TopByLabel(IEnumerable<LossContribution> contributions, int count) =>
        [.. contributions
            .GroupBy(c => c.Label, StringComparer.Ordinal)
            .Select(g => new LossContribution(g.Key, Sum(g.Select(c => c.AnnualLoss)), g.First().Detail))
            .OrderByDescending(c => c.AnnualLoss)
            .ThenBy(c => c.Label, StringComparer.Ordinal)
            .Take(count)];

    private static double Sum(IEnumerable<double> values)
    {
        double sum = 0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum;
    }
}

using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Exposure;
using OtSecurity.Risk.Patching;
using OtSecurity.Risk.Simulation;
using OtSecurity.Risk.Ssvc;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Risk.Reports;

/// <summary>A contributor to an expected annual loss, in currency: how much the loss would fall without it.</summary>
/// <param name="Label">What it is.</param>
/// <param name="AnnualLoss">The expected annual loss it accounts for.</param>
/// <param name="Detail">The evidence or the reasoning.</param>
public sealed record LossContribution(string Label, double AnnualLoss, string Detail);

/// <summary>One vulnerability on an asset, assessed.</summary>
/// <param name="Record">The vulnerability as listed.</param>
/// <param name="ExploitProbability">The probability a threat event exploits it.</param>
/// <param name="ExpectedAnnualLoss">The part of the asset's expected annual loss that removing this vulnerability would remove.</param>
/// <param name="Ssvc">The SSVC decision (OT extension applied).</param>
/// <param name="MissionAndWellBeing">The mission &amp; well-being behind it.</param>
/// <param name="Bucket">Now / Next / Never.</param>
/// <param name="Patch">The patch decision with its figures.</param>
public sealed record VulnerabilityRisk(
    VulnerabilityRecord Record,
    double ExploitProbability,
    double ExpectedAnnualLoss,
    SsvcDecision Ssvc,
    OtMissionAndWellBeing MissionAndWellBeing,
    BucketDecision Bucket,
    PatchDecision Patch);

/// <summary>The risk of one asset.</summary>
public sealed record AssetRisk
{
    /// <summary>The asset id.</summary>
    public required string AssetId { get; init; }

    /// <summary>The asset name.</summary>
    public required string Name { get; init; }

    /// <summary>The asset kind.</summary>
    public required AssetKind Kind { get; init; }

    /// <summary>The zone id, or null when the asset is in no zone.</summary>
    public string? ZoneId { get; init; }

    /// <summary>Its exposure.</summary>
    public required ExposureScore Exposure { get; init; }

    /// <summary>Its hourly downtime cost and where it came from.</summary>
    public required ResolvedHourlyCost HourlyCost { get; init; }

    /// <summary>The share of that hourly cost an outage of this asset causes.</summary>
    public required double ProductionImpact { get; init; }

    /// <summary>Its restart profile.</summary>
    public required RestartProfile Restart { get; init; }

    /// <summary>Expected threat events per year after the exposure multiplier.</summary>
    public required double ThreatEventFrequency { get; init; }

    /// <summary>The probability a threat event becomes a loss event: 1 − (1 − baseline) × Π(1 − p(CVE)).</summary>
    public required double Vulnerability { get; init; }

    /// <summary>Expected loss events per year.</summary>
    public required double LossEventFrequency { get; init; }

    /// <summary>Expected loss per event.</summary>
    public required double ExpectedMagnitude { get; init; }

    /// <summary>Expected annual loss: loss event frequency × magnitude.</summary>
    public required double ExpectedAnnualLoss { get; init; }

    /// <summary>The largest contributors, in currency.</summary>
    public required IReadOnlyList<LossContribution> TopFactors { get; init; }

    /// <summary>Its vulnerabilities.</summary>
    public required IReadOnlyList<VulnerabilityRisk> Vulnerabilities { get; init; }
}

/// <summary>The risk of one zone: the sum over its assets.</summary>
/// <param name="ZoneId">The zone id.</param>
/// <param name="Name">The zone name.</param>
/// <param name="PurdueLevel">Its Purdue level.</param>
/// <param name="Exposure">The zone's exposure.</param>
/// <param name="ExpectedAnnualLoss">The sum of its assets' expected annual losses.</param>
/// <param name="HourlyCost">The zone's hourly downtime cost.</param>
/// <param name="TopFactors">The largest contributors over its assets.</param>
public sealed record ZoneRisk(string ZoneId, string Name, PurdueLevel PurdueLevel, ExposureScore Exposure, double ExpectedAnnualLoss, ResolvedHourlyCost HourlyCost, IReadOnlyList<LossContribution> TopFactors);

/// <summary>What raising one conduit's segmentation one step would save.</summary>
/// <param name="ConduitId">The conduit.</param>
/// <param name="ZoneA">One end.</param>
/// <param name="ZoneB">The other end.</param>
/// <param name="From">The segmentation now.</param>
/// <param name="To">The segmentation after the upgrade.</param>
/// <param name="ExpectedAnnualLossBefore">The site's expected annual loss now.</param>
/// <param name="ExpectedAnnualLossAfter">The site's expected annual loss after the upgrade.</param>
public sealed record SegmentationUpgrade(string ConduitId, string ZoneA, string ZoneB, SegmentationLevel From, SegmentationLevel To, double ExpectedAnnualLossBefore, double ExpectedAnnualLossAfter)
{
    /// <summary>The expected annual saving.</summary>
    public double Savings => ExpectedAnnualLossBefore - ExpectedAnnualLossAfter;
}

/// <summary>The site risk report.</summary>
public sealed record SiteRiskReport
{
    /// <summary>The site name.</summary>
    public required string Site { get; init; }

    /// <summary>The site's environment class.</summary>
    public required EnvironmentClass Environment { get; init; }

    /// <summary>The evaluation date.</summary>
    public required DateOnly EvaluationDate { get; init; }

    /// <summary>The currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Expected annual loss of the site in closed form (the sum over assets).</summary>
    public required double ExpectedAnnualLoss { get; init; }

    /// <summary>The Monte Carlo of the site's annual loss (all assets together).</summary>
    public required SimulationResult Simulation { get; init; }

    /// <summary>Zones, largest expected annual loss first.</summary>
    public required IReadOnlyList<ZoneRisk> Zones { get; init; }

    /// <summary>Assets, largest expected annual loss first.</summary>
    public required IReadOnlyList<AssetRisk> Assets { get; init; }

    /// <summary>Segmentation upgrades, largest saving first.</summary>
    public required IReadOnlyList<SegmentationUpgrade> SegmentationUpgrades { get; init; }
}

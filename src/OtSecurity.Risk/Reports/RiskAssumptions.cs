using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Exposure;
using OtSecurity.Risk.Patching;
using OtSecurity.Risk.Ssvc;

namespace OtSecurity.Risk.Reports;

/// <summary>
/// Every assumption of a site risk report, with its default (docs/risk.md lists them). Change any of them with
/// <c>with { ... }</c>; none is hidden in code.
/// </summary>
public sealed record RiskAssumptions
{
    /// <summary>The defaults.</summary>
    public static RiskAssumptions Default { get; } = new();

    /// <summary>The currency code of every amount (amounts are plain numbers; no conversion is done).</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Threat events per year against an asset at the reference exposure (flat on the enterprise network): PERT(0.02, 0.1, 0.5), mean 0.153.</summary>
    public Distribution BaseThreatEventFrequency { get; init; } = Distribution.Pert(0.02, 0.1, 0.5, "threat events per year at reference exposure");

    /// <summary>Exposure points and facts.</summary>
    public ExposureOptions Exposure { get; init; } = ExposureOptions.Default;

    /// <summary>Downtime cost overrides (site, zone, production line, asset).</summary>
    public DowntimeCostOverrides Downtime { get; init; } = DowntimeCostOverrides.None;

    /// <summary>Probability that a threat event succeeds against an asset with no listed vulnerability: 0.3 for controllers speaking unauthenticated OT protocols, 0.1 otherwise.</summary>
    public double BaselineSusceptibility(AssetKind kind) => IsController(kind) ? ControllerSusceptibility : OtherSusceptibility;

    /// <summary>Baseline susceptibility of controllers (PLC, RTU, IED, DCS, safety controller, drive, I/O gateway, building controller).</summary>
    public double ControllerSusceptibility { get; init; } = 0.3;

    /// <summary>Baseline susceptibility of other assets.</summary>
    public double OtherSusceptibility { get; init; } = 0.1;

    /// <summary>Added to the baseline susceptibility of an asset past its operating system's end of support.</summary>
    public double LegacySusceptibility { get; init; } = 0.2;

    /// <summary>/// The probability that a threat event exploits a listed vulnerability: CVSS/10 × exploitation factor (none 0.2, PoC 0.5,
    /// active 0.9) × automatable factor (yes 1.0, no 0.6).
    /// Replace it to change the assumption.</summary>
    public Func<double, SsvcExploitation, SsvcAutomatable, double> ExploitProbability { get; init; } = DefaultExploitProbability;

    /// <summary>Default: 
    /// The probability that a threat event exploits a listed vulnerability: CVSS/10 × exploitation factor (none 0.2, PoC 0.5,
    /// active 0.9) × automatable factor (yes 1.0, no 0.6).
    /// </summary>
    /// <param name="cvss">CVSS base score.</param>
    /// <param name="exploitation">Exploitation.</param>
    /// <param name="automatable">Automatable.</param>
    /// <returns>A probability in [0, 0.9].</returns>
    public static double DefaultExploitProbability(double cvss, SsvcExploitation exploitation, SsvcAutomatable automatable) =>
        Math.Clamp(cvss / 10.0, 0, 1)
        * exploitation switch { SsvcExploitation.Active => 0.9, SsvcExploitation.PoC => 0.5, _ => 0.2 }
        * (automatable == SsvcAutomatable.Yes ? 1.0 : 0.6);

    /// <summary>Hours of outage per loss event by asset kind. Replace it to change the assumption.</summary>
    public Func<AssetKind, Distribution> OutageHours { get; init; } = DefaultOutageHours;

    /// <summary>Default: Hours of outage per loss event by asset kind.</summary>
    /// <param name="kind">The asset kind.</param>
    /// <returns>A PERT in hours.</returns>
    public static Distribution DefaultOutageHours(AssetKind kind) => kind switch
    {
        AssetKind.SafetyController => Distribution.Pert(8, 24, 168, "outage hours (safety controller)"),
        AssetKind.DcsController => Distribution.Pert(4, 24, 120, "outage hours (DCS controller)"),
        AssetKind.Plc or AssetKind.Rtu or AssetKind.Ied => Distribution.Pert(2, 12, 72, "outage hours (controller)"),
        AssetKind.Hmi or AssetKind.EngineeringWorkstation or AssetKind.Workstation => Distribution.Pert(1, 6, 48, "outage hours (HMI / workstation)"),
        AssetKind.Historian or AssetKind.OpcScadaServer or AssetKind.Server or AssetKind.Unknown => Distribution.Pert(2, 8, 48, "outage hours (server)"),
        _ => Distribution.Pert(1, 4, 24, "outage hours (field / network device)"),
    };

    /// <summary>Share of the hourly downtime cost an outage of the asset causes, by criticality: low 0.1, medium 0.4, high 0.8, critical 1.0. Replace it to change the assumption.</summary>
    public Func<Criticality, double> ProductionImpact { get; init; } = DefaultProductionImpact;

    /// <summary>Default: Share of the hourly downtime cost an outage of the asset causes, by criticality: low 0.1, medium 0.4, high 0.8, critical 1.0.</summary>
    /// <param name="criticality">The asset's criticality.</param>
    /// <returns>A fraction in (0, 1].</returns>
    public static double DefaultProductionImpact(Criticality criticality) => criticality switch
    {
        Criticality.Low => 0.1,
        Criticality.Medium => 0.4,
        Criticality.High => 0.8,
        _ => 1.0,
    };

    /// <summary>Incident response cost per loss event: PERT(5,000, 25,000, 150,000).</summary>
    public Distribution ResponseCost { get; init; } = Distribution.Pert(5_000, 25_000, 150_000, "response cost");

    /// <summary>Replacement cost when equipment must be replaced: PERT(5,000, 20,000, 100,000).</summary>
    public Distribution ReplacementCost { get; init; } = Distribution.Pert(5_000, 20_000, 100_000, "replacement cost");

    /// <summary>Probability an event requires replacement: 0.05 for controllers (bricked firmware), 0.02 otherwise. Replace it to change the assumption.</summary>
    public Func<AssetKind, double> ReplacementProbability { get; init; } = DefaultReplacementProbability;

    /// <summary>Default: Probability an event requires replacement: 0.05 for controllers (bricked firmware), 0.02 otherwise.</summary>
    /// <param name="kind">The asset kind.</param>
    /// <returns>The probability.</returns>
    public static double DefaultReplacementProbability(AssetKind kind) => IsController(kind) ? 0.05 : 0.02;

    /// <summary>Fines and penalties when incurred: lognormal with 90% interval 10,000–500,000.</summary>
    public Distribution Fines { get; init; } = Distribution.LogNormalFrom90PercentInterval(10_000, 500_000, "fines");

    /// <summary>Probability an event incurs fines: safety function 0.2, safety-related 0.1, otherwise 0.02; +0.1 in a continuous process (a release). Replace it to change the assumption.</summary>
    public Func<SafetyRole, EnvironmentClass, double> FineProbability { get; init; } = DefaultFineProbability;

    /// <summary>Default: Probability an event incurs fines: safety function 0.2, safety-related 0.1, otherwise 0.02; +0.1 in a continuous process (a release).</summary>
    /// <param name="role">The safety role.</param>
    /// <param name="environment">The environment class.</param>
    /// <returns>The probability.</returns>
    public static double DefaultFineProbability(SafetyRole role, EnvironmentClass environment) =>
        (role.IsSafetyFunction() ? 0.2 : role == SafetyRole.SafetyRelated ? 0.1 : 0.02) + (environment == EnvironmentClass.ContinuousProcess ? 0.1 : 0.0);

    /// <summary>Safety multiplier: 3 for a safety function, 1.5 for safety-related, 1 otherwise. Replace it to change the assumption.</summary>
    public Func<SafetyRole, double> SafetyMultiplier { get; init; } = DefaultSafetyMultiplier;

    /// <summary>Default: Safety multiplier: 3 for a safety function, 1.5 for safety-related, 1 otherwise.</summary>
    /// <param name="role">The safety role.</param>
    /// <returns>The multiplier.</returns>
    public static double DefaultSafetyMultiplier(SafetyRole role) => role.IsSafetyFunction() ? 3.0 : role == SafetyRole.SafetyRelated ? 1.5 : 1.0;

    /// <summary>Environmental multiplier: 1.5 in a continuous process, 1 otherwise. Replace it to change the assumption.</summary>
    public Func<EnvironmentClass, double> EnvironmentalMultiplier { get; init; } = DefaultEnvironmentalMultiplier;

    /// <summary>Default: Environmental multiplier: 1.5 in a continuous process, 1 otherwise.</summary>
    /// <param name="environment">The environment class.</param>
    /// <returns>The multiplier.</returns>
    public static double DefaultEnvironmentalMultiplier(EnvironmentClass environment) => environment == EnvironmentClass.ContinuousProcess ? 1.5 : 1.0;

    /// <summary>Hours of downtime to apply a patch by asset kind: safety controller 4, controllers 2, others 1. Replace it to change the assumption.</summary>
    public Func<AssetKind, double> PatchHours { get; init; } = DefaultPatchHours;

    /// <summary>Default: Hours of downtime to apply a patch by asset kind: safety controller 4, controllers 2, others 1.</summary>
    /// <param name="kind">The asset kind.</param>
    /// <returns>Hours.</returns>
    public static double DefaultPatchHours(AssetKind kind) => kind == AssetKind.SafetyController ? 4.0 : IsController(kind) ? 2.0 : 1.0;

    /// <summary>Hours of outage to roll a failed patch back, as a multiple of the patch hours (2).</summary>
    public double RollbackHoursFactor { get; init; } = 2.0;

    /// <summary>Assets with a test environment or spare to test patches on first.</summary>
    public IReadOnlySet<string> AssetsWithTestEnvironment { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The compensating controls the patch decisions weigh.</summary>
    public IReadOnlyList<CompensatingControl> CompensatingControls { get; init; } = CompensatingControl.Defaults;

    /// <summary>Public well-being impact of an asset's compromise, for the SSVC table (minimal by default; the OT extension handles safety roles).</summary>
    public PublicWellBeingImpact PublicWellBeing { get; init; } = PublicWellBeingImpact.Minimal;

    internal static bool IsController(AssetKind kind) => kind is AssetKind.Plc or AssetKind.SafetyController or AssetKind.Rtu or AssetKind.Ied
        or AssetKind.DcsController or AssetKind.Drive or AssetKind.IoGateway or AssetKind.BuildingController;
}

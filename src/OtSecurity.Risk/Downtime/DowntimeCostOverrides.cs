using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;

namespace OtSecurity.Risk.Downtime;

/// <summary>
/// Site-specific downtime economics that replace the environment-class defaults. The most specific figure wins:
/// asset, then production line, then zone, then site, then the environment class default.
/// </summary>
public sealed record DowntimeCostOverrides
{
    /// <summary>No overrides: every figure comes from the environment class defaults.</summary>
    public static DowntimeCostOverrides None { get; } = new();

    /// <summary>The hourly cost of the whole site, replacing its environment class default.</summary>
    public HourlyCostRange? Site { get; init; }

    /// <summary>Hourly costs per zone id.</summary>
    public IReadOnlyDictionary<string, HourlyCostRange> Zones { get; init; } = new Dictionary<string, HourlyCostRange>(StringComparer.Ordinal);

    /// <summary>Hourly costs per production line id.</summary>
    public IReadOnlyDictionary<string, HourlyCostRange> ProductionLines { get; init; } = new Dictionary<string, HourlyCostRange>(StringComparer.Ordinal);

    /// <summary>Hourly costs per asset id.</summary>
    public IReadOnlyDictionary<string, HourlyCostRange> Assets { get; init; } = new Dictionary<string, HourlyCostRange>(StringComparer.Ordinal);

    /// <summary>Fixed restart hours per asset kind, replacing <see cref="EnvironmentDefaults.FixedRestartHours"/> (before the environment multiplier).</summary>
    public IReadOnlyDictionary<AssetKind, double> FixedRestartHours { get; init; } = new Dictionary<AssetKind, double>();

    /// <summary>Restart hours per outage hour per environment class, replacing <see cref="EnvironmentDefaults.RestartHoursPerOutageHour"/>.</summary>
    public IReadOnlyDictionary<EnvironmentClass, double> RestartHoursPerOutageHour { get; init; } = new Dictionary<EnvironmentClass, double>();
}

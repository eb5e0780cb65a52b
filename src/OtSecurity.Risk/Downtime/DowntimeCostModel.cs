using System.Globalization;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Zones;
using OtSecurity.Risk.Distributions;

namespace OtSecurity.Risk.Downtime;

/// <summary>Where a resolved hourly cost came from, most specific last.</summary>
public enum CostSource
{
    /// <summary>The environment class default.</summary>
    EnvironmentDefault,

    /// <summary>The site override.</summary>
    Site,

    /// <summary>A zone override.</summary>
    Zone,

    /// <summary>A production line override.</summary>
    ProductionLine,

    /// <summary>An asset override.</summary>
    Asset,
}

/// <summary>An hourly downtime cost and where it came from.</summary>
/// <param name="Range">The hourly cost.</param>
/// <param name="Source">Which level supplied it.</param>
/// <param name="Environment">The environment class the asset or zone is priced as.</param>
/// <param name="Explanation">One sentence naming the source.</param>
public sealed record ResolvedHourlyCost(HourlyCostRange Range, CostSource Source, EnvironmentClass Environment, string Explanation);

/// <summary>The cost of one outage.</summary>
/// <param name="OutageHours">Hours the asset is down.</param>
/// <param name="RestartHours">Hours to restart afterwards.</param>
/// <param name="LostHours">Outage plus restart: hours of lost production.</param>
/// <param name="Low">Lost hours × the low hourly figure.</param>
/// <param name="Expected">Lost hours × the expected hourly cost.</param>
/// <param name="High">Lost hours × the high hourly figure (exceeded 5% of the time when <paramref name="OpenEnded"/>).</param>
/// <param name="OpenEnded">True when the high figure is not a ceiling.</param>
/// <param name="Distribution">The distribution of the cost: the hourly distribution scaled by the lost hours.</param>
/// <param name="Explanation">How the figure was computed.</param>
public sealed record OutageCost(double OutageHours, double RestartHours, double LostHours, double Low, double Expected, double High, bool OpenEnded, Distribution Distribution, string Explanation);

/// <summary>
/// Downtime cost of a site: the hourly cost of each asset and zone (most specific override wins: asset, production
/// line, zone, site, environment class default), restart time per asset kind and environment, and the cost of an
/// outage of N hours as a range and as a distribution.
/// </summary>
/// <remarks>
/// Assets in zones at Purdue level 3.5 (DMZ) and above are priced as office IT unless overridden: their outage stops
/// business systems, not production. Building controllers are priced as a warehouse (facility systems) when the site's
/// class is more expensive.
/// </remarks>
public sealed class DowntimeCostModel
{
    private readonly SiteModel _site;
    private readonly DowntimeCostOverrides _overrides;
    private readonly Dictionary<string, Zone> _zoneOfAsset = new(StringComparer.Ordinal);

    /// <summary>Creates the model for a site.</summary>
    /// <param name="site">The site.</param>
    /// <param name="overrides">Site-specific figures; none when null.</param>
    public DowntimeCostModel(SiteModel site, DowntimeCostOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        _site = site;
        _overrides = overrides ?? DowntimeCostOverrides.None;
        foreach (Zone zone in site.Zones)
        {
            foreach (string assetId in zone.AssetIds)
            {
                _zoneOfAsset.TryAdd(assetId, zone);
            }
        }
    }

    /// <summary>The site.</summary>
    public SiteModel Site => _site;

    /// <summary>The overrides in force.</summary>
    public DowntimeCostOverrides Overrides => _overrides;

    /// <summary>The zone an asset belongs to (the first, if the model lists it twice), or null.</summary>
    /// <param name="assetId">The asset id.</param>
    /// <returns>The zone or null.</returns>
    public Zone? ZoneOf(string assetId) => _zoneOfAsset.GetValueOrDefault(assetId);

    /// <summary>The environment class an asset is priced as (see the remarks of the type).</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>The class.</returns>
    public EnvironmentClass EnvironmentOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        Zone? zone = ZoneOf(asset.Id);
        PurdueLevel? level = zone?.PurdueLevel ?? asset.PurdueLevel;
        if (level is { } l && l >= PurdueLevel.Dmz)
        {
            return EnvironmentClass.OfficeIt;
        }

        if (asset.Kind == AssetKind.BuildingController && _site.Environment > EnvironmentClass.Warehouse)
        {
            return EnvironmentClass.Warehouse;
        }

        return _site.Environment;
    }

    /// <summary>The environment class a zone is priced as: office IT at Purdue 3.5 and above, otherwise the site's.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The class.</returns>
    public EnvironmentClass EnvironmentOf(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.PurdueLevel >= PurdueLevel.Dmz ? EnvironmentClass.OfficeIt : _site.Environment;
    }

    /// <summary>The hourly downtime cost of an asset: asset override, else its production line's, else its zone's, else the site's, else the environment default.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>The cost and its source.</returns>
    public ResolvedHourlyCost HourlyCostOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        EnvironmentClass environment = EnvironmentOf(asset);
        if (_overrides.Assets.TryGetValue(asset.Id, out HourlyCostRange? byAsset))
        {
            return new ResolvedHourlyCost(byAsset, CostSource.Asset, environment, $"asset '{asset.Id}' override {byAsset}");
        }

        if (asset.ProductionLineId is { } line && _overrides.ProductionLines.TryGetValue(line, out HourlyCostRange? byLine))
        {
            return new ResolvedHourlyCost(byLine, CostSource.ProductionLine, environment, $"production line '{line}' override {byLine}");
        }

        if (ZoneOf(asset.Id) is { } zone && _overrides.Zones.TryGetValue(zone.Id, out HourlyCostRange? byZone))
        {
            return new ResolvedHourlyCost(byZone, CostSource.Zone, environment, $"zone '{zone.Id}' override {byZone}");
        }

        return SiteOrDefault(environment);
    }

    /// <summary>The hourly downtime cost of a whole zone: zone override, else site, else the environment default.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The cost and its source.</returns>
    public ResolvedHourlyCost HourlyCostOf(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        EnvironmentClass environment = EnvironmentOf(zone);
        if (_overrides.Zones.TryGetValue(zone.Id, out HourlyCostRange? byZone))
        {
            return new ResolvedHourlyCost(byZone, CostSource.Zone, environment, $"zone '{zone.Id}' override {byZone}");
        }

        return SiteOrDefault(environment);
    }

    /// <summary>
    /// The restart profile of an asset: fixed hours = kind hours (override or <see cref="EnvironmentDefaults.FixedRestartHours"/>)
    /// × <see cref="EnvironmentDefaults.FixedRestartMultiplier"/>, plus the environment's restart hours per outage hour.
    /// </summary>
    /// <param name="asset">The asset.</param>
    /// <returns>The profile.</returns>
    public RestartProfile RestartOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        EnvironmentClass environment = EnvironmentOf(asset);
        double kindHours = _overrides.FixedRestartHours.TryGetValue(asset.Kind, out double h) ? h : EnvironmentDefaults.FixedRestartHours(asset.Kind);
        double perHour = _overrides.RestartHoursPerOutageHour.TryGetValue(environment, out double p) ? p : EnvironmentDefaults.RestartHoursPerOutageHour(environment);
        return new RestartProfile(kindHours * EnvironmentDefaults.FixedRestartMultiplier(environment), perHour);
    }

    /// <summary>The cost of an outage of <paramref name="outageHours"/> hours of an asset, restart included.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="outageHours">Hours down, finite and ≥ 0.</param>
    /// <returns>The cost as a range, an expected value and a distribution.</returns>
    public OutageCost CostOfOutage(Asset asset, double outageHours)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ResolvedHourlyCost cost = HourlyCostOf(asset);
        return CostOfOutage(cost.Range, RestartOf(asset), outageHours, cost.Explanation);
    }

    /// <summary>The cost of an outage for a given hourly range and restart profile.</summary>
    /// <param name="hourlyCost">The hourly cost.</param>
    /// <param name="restart">The restart profile.</param>
    /// <param name="outageHours">Hours down, finite and ≥ 0.</param>
    /// <param name="source">Where the hourly cost came from, for the explanation.</param>
    /// <returns>The cost.</returns>
    /// <exception cref="RiskInputException"><paramref name="outageHours"/> is negative or not finite.</exception>
    public static OutageCost CostOfOutage(HourlyCostRange hourlyCost, RestartProfile restart, double outageHours, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(hourlyCost);
        if (!double.IsFinite(outageHours) || outageHours < 0.0)
        {
            throw new RiskInputException("outage hours", nameof(outageHours), $"Invalid outage length: {Distribution.Format(outageHours)} hours; expected a finite number ≥ 0.");
        }

        double restartHours = restart.RestartHours(outageHours);
        double lost = outageHours + restartHours;
        Distribution hourly = hourlyCost.ToDistribution("hourly downtime cost");
        double expected = lost * hourly.Mean;
        string explanation = string.Create(
            CultureInfo.InvariantCulture,
            $"({outageHours:0.##} h outage + {restartHours:0.##} h restart [{restart.FixedHours:0.##} h + {restart.HoursPerOutageHour:0.##} × {outageHours:0.##} h]) × {hourlyCost} (expected {hourly.Mean:#,0}/h) = {expected:#,0} expected{(source is null ? string.Empty : "; hourly cost from " + source)}");
        return new OutageCost(outageHours, restartHours, lost, lost * hourlyCost.Low, expected, lost * hourlyCost.High, hourlyCost.OpenEnded, hourly.Scale(lost), explanation);
    }

    private ResolvedHourlyCost SiteOrDefault(EnvironmentClass environment)
    {
        if (_overrides.Site is { } site && environment == _site.Environment)
        {
            return new ResolvedHourlyCost(site, CostSource.Site, environment, $"site override {site}");
        }

        HourlyCostRange range = EnvironmentDefaults.HourlyCost(environment);
        return new ResolvedHourlyCost(range, CostSource.EnvironmentDefault, environment, $"{Describe(environment)} default {range}");
    }

    internal static string Describe(EnvironmentClass environment) => environment switch
    {
        EnvironmentClass.OfficeIt => "office IT",
        EnvironmentClass.Warehouse => "warehouse",
        EnvironmentClass.ProductionLine => "production line",
        EnvironmentClass.ContinuousProcess => "continuous process",
        _ => environment.ToString(),
    };
}

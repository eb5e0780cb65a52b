using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Response.BlastRadius;

/// <summary>
/// The zone/conduit graph of a site, indexed for blast-radius computations: zones are nodes, conduits are
/// edges, assets sit in the zones that list them. Built from any <see cref="SiteModel"/>, valid or not, without
/// throwing: null entries and items without an id are skipped, the first item wins when ids repeat, an asset
/// listed by several zones sits in all of them (the conservative reading), and a conduit whose ends are unknown
/// or equal is kept for lookups but is not an edge. <see cref="Validation"/> holds the model's findings.
/// </summary>
public sealed class SiteGraph
{
    private static readonly string[] NoIds = [];

    private readonly Dictionary<string, (int Order, Zone Zone)> _zones;
    private readonly Dictionary<string, (int Order, Asset Asset)> _assets;
    private readonly Dictionary<string, (int Order, Conduit Conduit)> _conduits;
    private readonly Dictionary<string, (int Order, Vendor Vendor)> _vendors;
    private readonly Dictionary<string, int> _lines;
    private readonly Dictionary<string, string[]> _zonesOfAsset;
    private readonly Dictionary<string, string[]> _assetsOfZone;
    private readonly Dictionary<string, (Conduit Conduit, string Other)[]> _adjacency;
    private readonly Asset[] _assetList;
    private readonly Zone[] _zoneList;
    private readonly Conduit[] _conduitList;
    private readonly Vendor[] _vendorList;
    private readonly Lazy<IReadOnlyList<(Asset Station, Asset Controller)>> _supervision;
    private readonly Lazy<ValidationReport> _validation;

    private SiteGraph(SiteModel site)
    {
        Site = site;
        _zones = Index(site.Zones, static z => z.Id);
        _assets = Index(site.Assets, static a => a.Id);
        _conduits = Index(site.Conduits, static c => c.Id);
        _vendors = Index(site.Vendors, static v => v.Id);
        _lines = Index(site.ProductionLines, static l => l.Id).ToDictionary(static p => p.Key, static p => p.Value.Order, StringComparer.Ordinal);
        _assetList = [.. _assets.Values.OrderBy(static a => a.Order).Select(static a => a.Asset)];
        _zoneList = [.. _zones.Values.OrderBy(static z => z.Order).Select(static z => z.Zone)];
        _conduitList = [.. _conduits.Values.OrderBy(static c => c.Order).Select(static c => c.Conduit)];
        _vendorList = [.. _vendors.Values.OrderBy(static v => v.Order).Select(static v => v.Vendor)];

        var zonesOfAsset = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var assetsOfZone = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Zone zone in _zoneList)
        {
            string zoneId = zone.Id;
            var members = new List<string>();
            foreach (string? assetId in zone.AssetIds)
            {
                if (string.IsNullOrEmpty(assetId) || !_assets.ContainsKey(assetId) || members.Contains(assetId, StringComparer.Ordinal))
                {
                    continue;
                }

                members.Add(assetId);
                if (!zonesOfAsset.TryGetValue(assetId, out List<string>? zones))
                {
                    zones = [];
                    zonesOfAsset.Add(assetId, zones);
                }

                zones.Add(zoneId);
            }

            assetsOfZone.Add(zoneId, members);
        }

        _zonesOfAsset = zonesOfAsset.ToDictionary(static p => p.Key, static p => p.Value.ToArray(), StringComparer.Ordinal);
        _assetsOfZone = assetsOfZone.ToDictionary(static p => p.Key, static p => p.Value.ToArray(), StringComparer.Ordinal);

        var adjacency = _zones.Keys.ToDictionary(static k => k, static _ => new List<(Conduit, string)>(), StringComparer.Ordinal);
        foreach (Conduit conduit in _conduitList)
        {
            if (conduit.ZoneA is { } a && conduit.ZoneB is { } b && !string.Equals(a, b, StringComparison.Ordinal)
                && adjacency.TryGetValue(a, out List<(Conduit, string)>? fromA) && adjacency.TryGetValue(b, out List<(Conduit, string)>? fromB))
            {
                fromA.Add((conduit, b));
                fromB.Add((conduit, a));
            }
        }

        _adjacency = adjacency.ToDictionary(static p => p.Key, static p => p.Value.ToArray(), StringComparer.Ordinal);

        SisDependentConduits = DependentConduits(static role => role is SafetyRole.SafetyInstrumentedFunction or SafetyRole.SafetyRelated);
        EmergencyStopDependentConduits = DependentConduits(static role => role == SafetyRole.EmergencyStop);
        _supervision = new Lazy<IReadOnlyList<(Asset, Asset)>>(ComputeSupervision);
        _validation = new Lazy<ValidationReport>(() => SiteModelValidator.Validate(site));
    }

    /// <summary>The site model.</summary>
    public SiteModel Site { get; }

    /// <summary>The site model's validation findings (<see cref="SiteModelValidator"/>).</summary>
    public ValidationReport Validation => _validation.Value;

    /// <summary>
    /// The validation errors that break the model's structure, so that blast radii may be incomplete: missing,
    /// repeated or dangling ids and null entries (OTS-ID-*), assets in no zone or in several (OTS-ZN-*), conduits
    /// to themselves or to unknown zones (OTS-CD-001, OTS-CD-002). Other errors (weak segmentation, a shared
    /// safety zone) describe a poor plant, not a model the engine cannot read.
    /// </summary>
    public IEnumerable<ValidationFinding> StructuralErrors => Validation.WithSeverity(FindingSeverity.Error).Where(static f =>
        f.RuleId.StartsWith("OTS-ID-", StringComparison.Ordinal) || f.RuleId.StartsWith("OTS-ZN-", StringComparison.Ordinal)
        || f.RuleId is "OTS-CD-001" or "OTS-CD-002");

    /// <summary>
    /// The conduits a safety instrumented function or a safety-related asset depends on: every conduit of a zone
    /// that holds such an asset, and every conduit between control-level zones (Purdue 0–2) reachable from such a
    /// zone through control-level zones (the paths that carry trips, permissives, bypass states and safety alarms
    /// to basic control and the operator HMIs).
    /// </summary>
    public IReadOnlySet<string> SisDependentConduits { get; }

    /// <summary>The conduits an emergency-stop asset depends on, by the same rule as <see cref="SisDependentConduits"/>.</summary>
    public IReadOnlySet<string> EmergencyStopDependentConduits { get; }

    /// <summary>Builds the graph of <paramref name="site"/>.</summary>
    /// <param name="site">The site model (valid or not).</param>
    public static SiteGraph Build(SiteModel site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new SiteGraph(site);
    }

    /// <summary>The zone with id <paramref name="id"/>, or null.</summary>
    /// <param name="id">A zone id.</param>
    public Zone? FindZone(string? id) => id is not null && _zones.TryGetValue(id, out (int, Zone Zone) z) ? z.Zone : null;

    /// <summary>The asset with id <paramref name="id"/>, or null.</summary>
    /// <param name="id">An asset id.</param>
    public Asset? FindAsset(string? id) => id is not null && _assets.TryGetValue(id, out (int, Asset Asset) a) ? a.Asset : null;

    /// <summary>The conduit with id <paramref name="id"/>, or null.</summary>
    /// <param name="id">A conduit id.</param>
    public Conduit? FindConduit(string? id) => id is not null && _conduits.TryGetValue(id, out (int, Conduit Conduit) c) ? c.Conduit : null;

    /// <summary>The vendor with id <paramref name="id"/>, or null.</summary>
    /// <param name="id">A vendor id.</param>
    public Vendor? FindVendor(string? id) => id is not null && _vendors.TryGetValue(id, out (int, Vendor Vendor) v) ? v.Vendor : null;

    /// <summary>True when the site has a production line with id <paramref name="id"/>.</summary>
    /// <param name="id">A line id.</param>
    public bool HasProductionLine(string? id) => id is not null && _lines.ContainsKey(id);

    /// <summary>The zones (in site order) that list the asset.</summary>
    /// <param name="assetId">An asset id.</param>
    public IReadOnlyList<string> ZonesOf(string assetId) => assetId is not null && _zonesOfAsset.TryGetValue(assetId, out string[]? zones) ? zones : NoIds;

    /// <summary>The assets (in zone member order) of the zone.</summary>
    /// <param name="zoneId">A zone id.</param>
    public IEnumerable<Asset> AssetsIn(string zoneId) =>
        zoneId is not null && _assetsOfZone.TryGetValue(zoneId, out string[]? ids) ? ids.Select(id => _assets[id].Asset) : [];

    /// <summary>The known assets in site order.</summary>
    public IReadOnlyList<Asset> Assets => _assetList;

    /// <summary>The known zones in site order.</summary>
    public IReadOnlyList<Zone> Zones => _zoneList;

    /// <summary>The known conduits in site order.</summary>
    public IReadOnlyList<Conduit> Conduits => _conduitList;

    /// <summary>The known vendors in site order.</summary>
    public IReadOnlyList<Vendor> Vendors => _vendorList;

    /// <summary>The conduits (edges) of a zone with the zone at the other end, in site order.</summary>
    /// <param name="zoneId">A zone id.</param>
    public IReadOnlyList<(Conduit Conduit, string OtherZone)> Neighbours(string zoneId) =>
        zoneId is not null && _adjacency.TryGetValue(zoneId, out (Conduit, string)[]? edges) ? edges : [];

    /// <summary>True when the zone is at Purdue level 0–3 (operations), or unknown levels are not involved.</summary>
    /// <param name="zoneId">A zone id.</param>
    public bool IsOperationalZone(string zoneId) => FindZone(zoneId) is { } zone && zone.PurdueLevel.IsOperational();

    /// <summary>True when the zone is at Purdue level 0–2 (process, basic control, supervisory control).</summary>
    /// <param name="zoneId">A zone id.</param>
    public bool IsControlZone(string zoneId) => FindZone(zoneId) is { } zone && zone.PurdueLevel.IsControl();

    /// <summary>True when the asset has a safety role of any kind (SIS, safety-related or emergency stop).</summary>
    /// <param name="assetId">An asset id.</param>
    public bool IsSafetyAsset(string assetId) => FindAsset(assetId) is { SafetyRole: not SafetyRole.None };

    /// <summary>Orders asset ids by their position in the site model; unknown ids go last, in ordinal order.</summary>
    /// <param name="ids">Asset ids.</param>
    public IEnumerable<string> InAssetOrder(IEnumerable<string> ids) => InOrder(ids, id => _assets.TryGetValue(id, out (int Order, Asset) a) ? a.Order : -1);

    /// <summary>Orders zone ids by their position in the site model; unknown ids go last, in ordinal order.</summary>
    /// <param name="ids">Zone ids.</param>
    public IEnumerable<string> InZoneOrder(IEnumerable<string> ids) => InOrder(ids, id => _zones.TryGetValue(id, out (int Order, Zone) z) ? z.Order : -1);

    /// <summary>Orders conduit ids by their position in the site model; unknown ids go last, in ordinal order.</summary>
    /// <param name="ids">Conduit ids.</param>
    public IEnumerable<string> InConduitOrder(IEnumerable<string> ids) => InOrder(ids, id => _conduits.TryGetValue(id, out (int Order, Conduit) c) ? c.Order : -1);

    /// <summary>Orders line ids by their position in the site model; unknown ids go last, in ordinal order.</summary>
    /// <param name="ids">Production line ids.</param>
    public IEnumerable<string> InLineOrder(IEnumerable<string> ids) => InOrder(ids, id => _lines.TryGetValue(id, out int order) ? order : -1);

    /// <summary>Orders vendor ids by their position in the site model; unknown ids go last, in ordinal order.</summary>
    /// <param name="ids">Vendor ids.</param>
    public IEnumerable<string> InVendorOrder(IEnumerable<string> ids) => InOrder(ids, id => _vendors.TryGetValue(id, out (int Order, Vendor) v) ? v.Order : -1);

    /// <summary>
    /// The shortest conduit path between two zones (breadth first, neighbours in site order, so ties always
    /// resolve the same way), entering only zones that <paramref name="canEnter"/> accepts (the target always
    /// may be entered). Empty when the zones are the same; null when no path exists.
    /// </summary>
    /// <param name="fromZone">The start zone.</param>
    /// <param name="toZone">The target zone.</param>
    /// <param name="canEnter">Which intermediate zones the path may cross; null for any.</param>
    /// <param name="excludedConduits">Conduits the path may not use; null for none.</param>
    /// <param name="canUse">Which conduits the path may use; null for any.</param>
    public IReadOnlyList<Conduit>? ShortestPath(string fromZone, string toZone, Func<string, bool>? canEnter = null, IReadOnlySet<string>? excludedConduits = null, Func<Conduit, bool>? canUse = null) =>
        ShortestPathTo(fromZone, z => string.Equals(z, toZone, StringComparison.Ordinal), canEnter, excludedConduits, canUse);

    /// <summary>The shortest conduit path from a zone to the nearest zone that <paramref name="isTarget"/> accepts; null when none is reachable.</summary>
    /// <param name="fromZone">The start zone.</param>
    /// <param name="isTarget">Which zones end the search.</param>
    /// <param name="canEnter">Which intermediate zones the path may cross; null for any.</param>
    /// <param name="excludedConduits">Conduits the path may not use; null for none.</param>
    /// <param name="canUse">Which conduits the path may use; null for any.</param>
    public IReadOnlyList<Conduit>? ShortestPathTo(string fromZone, Func<string, bool> isTarget, Func<string, bool>? canEnter = null, IReadOnlySet<string>? excludedConduits = null, Func<Conduit, bool>? canUse = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        if (fromZone is null || !_zones.ContainsKey(fromZone))
        {
            return null;
        }

        if (isTarget(fromZone))
        {
            return [];
        }

        var previous = new Dictionary<string, (string Zone, Conduit Conduit)>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal) { fromZone };
        var queue = new Queue<string>();
        queue.Enqueue(fromZone);
        while (queue.Count > 0)
        {
            string zone = queue.Dequeue();
            foreach ((Conduit conduit, string other) in Neighbours(zone))
            {
                if (visited.Contains(other) || (excludedConduits is not null && excludedConduits.Contains(conduit.Id)) || (canUse is not null && !canUse(conduit)))
                {
                    continue;
                }

                bool target = isTarget(other);
                if (!target && canEnter is not null && !canEnter(other))
                {
                    continue;
                }

                visited.Add(other);
                previous[other] = (zone, conduit);
                if (target)
                {
                    var path = new List<Conduit>();
                    for (string at = other; !string.Equals(at, fromZone, StringComparison.Ordinal); at = previous[at].Zone)
                    {
                        path.Add(previous[at].Conduit);
                    }

                    path.Reverse();
                    return path;
                }

                queue.Enqueue(other);
            }
        }

        return null;
    }

    /// <summary>
    /// The pairs (operator station, controller) of the site: every HMI or SCADA server with every PLC, DCS
    /// controller, RTU, IED or safety controller it can supervise — same production line, or either serves no
    /// line — and can reach through operational zones (Purdue 0–3) over permanent network conduits (wired or
    /// wireless; an operator's view does not run over removable media, temporary cables or vendor access) in the
    /// intact graph.
    /// </summary>
    public IReadOnlyList<(Asset Station, Asset Controller)> SupervisionPairs => _supervision.Value;

    /// <summary>
    /// The supervision pairs an action would break: those whose station or controller is in
    /// <paramref name="removedAssets"/>, and those no longer connected through operational zones once
    /// <paramref name="cutConduits"/> are cut (for a scoped cut, only pairs with an end in <paramref name="cutScope"/>).
    /// </summary>
    /// <param name="cutConduits">The conduits cut.</param>
    /// <param name="cutScope">The assets whose flows the cut blocks; null when the whole conduit is cut.</param>
    /// <param name="removedAssets">The assets taken off the network or stopped.</param>
    public IReadOnlyList<SupervisionLoss> LostSupervision(IReadOnlySet<string> cutConduits, IReadOnlySet<string>? cutScope, IReadOnlySet<string> removedAssets)
    {
        ArgumentNullException.ThrowIfNull(cutConduits);
        ArgumentNullException.ThrowIfNull(removedAssets);
        var lost = new List<SupervisionLoss>();
        Dictionary<string, HashSet<string>>? reach = null;
        foreach ((Asset station, Asset controller) in SupervisionPairs)
        {
            bool removed = removedAssets.Contains(station.Id) || removedAssets.Contains(controller.Id);
            bool cut = false;
            if (!removed && cutConduits.Count > 0 && (cutScope is null || cutScope.Contains(station.Id) || cutScope.Contains(controller.Id)))
            {
                reach ??= new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                if (!reach.TryGetValue(station.Id, out HashSet<string>? zones))
                {
                    zones = ReachableZones(station, cutConduits);
                    reach.Add(station.Id, zones);
                }

                cut = !ZonesOf(controller.Id).Any(zones.Contains);
            }

            if (removed || cut)
            {
                lost.Add(new SupervisionLoss(station.Id, controller.Id));
            }
        }

        return lost;
    }

    /// <summary>True for conduits that carry live network traffic permanently (wired or wireless).</summary>
    /// <param name="conduit">A conduit.</param>
    public static bool IsPermanentNetwork(Conduit conduit)
    {
        ArgumentNullException.ThrowIfNull(conduit);
        return conduit.Channel is ChannelKind.Wired or ChannelKind.Wireless;
    }

    private static bool IsStation(Asset asset) => asset.Kind is AssetKind.Hmi or AssetKind.OpcScadaServer;

    private static bool IsController(Asset asset) =>
        asset.Kind is AssetKind.Plc or AssetKind.SafetyController or AssetKind.DcsController or AssetKind.Rtu or AssetKind.Ied;

    private List<(Asset, Asset)> ComputeSupervision()
    {
        var pairs = new List<(Asset, Asset)>();
        Asset[] placed = [.. _assetList.Where(a => ZonesOf(a.Id).Count > 0)];
        Asset[] controllers = [.. placed.Where(IsController)];
        if (controllers.Length == 0)
        {
            return pairs;
        }

        var none = new HashSet<string>(StringComparer.Ordinal);
        foreach (Asset station in placed.Where(IsStation))
        {
            HashSet<string> zones = ReachableZones(station, none);
            foreach (Asset controller in controllers)
            {
                bool related = station.ProductionLineId is null || controller.ProductionLineId is null
                    || string.Equals(station.ProductionLineId, controller.ProductionLineId, StringComparison.Ordinal);
                if (related && !ReferenceEquals(station, controller) && ZonesOf(controller.Id).Any(zones.Contains))
                {
                    pairs.Add((station, controller));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// The zones an asset reaches over permanent network conduits not in <paramref name="excluded"/>: its own zones,
    /// and every zone one step past an operational zone it reaches (paths cross operational zones only).
    /// </summary>
    private HashSet<string> ReachableZones(Asset from, IReadOnlySet<string> excluded)
    {
        var reached = new HashSet<string>(ZonesOf(from.Id), StringComparer.Ordinal);
        var queue = new Queue<string>(reached);
        while (queue.Count > 0)
        {
            string zone = queue.Dequeue();
            foreach ((Conduit conduit, string other) in Neighbours(zone))
            {
                if (!excluded.Contains(conduit.Id) && IsPermanentNetwork(conduit) && reached.Add(other) && IsOperationalZone(other))
                {
                    queue.Enqueue(other);
                }
            }
        }

        return reached;
    }

    private HashSet<string> DependentConduits(Func<SafetyRole, bool> role)
    {
        var marked = new HashSet<string>(StringComparer.Ordinal);
        var start = new HashSet<string>(StringComparer.Ordinal);
        foreach (Asset asset in _assetList.Where(a => role(a.SafetyRole)))
        {
            start.UnionWith(ZonesOf(asset.Id));
        }

        var visited = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(InZoneOrder(start));
        while (queue.Count > 0)
        {
            string zone = queue.Dequeue();
            bool fromStart = start.Contains(zone);
            foreach ((Conduit conduit, string other) in Neighbours(zone))
            {
                bool control = IsControlZone(other);
                if (fromStart || control || start.Contains(other))
                {
                    marked.Add(conduit.Id);
                }

                if (control && visited.Add(other))
                {
                    queue.Enqueue(other);
                }
            }
        }

        return marked;
    }

    private static IEnumerable<string> InOrder(IEnumerable<string> ids, Func<string, int> order)
    {
        ArgumentNullException.ThrowIfNull(ids);
        string[] distinct = [.. ids.Where(static id => id is not null).Distinct(StringComparer.Ordinal)];
        return distinct.Select(id => (Id: id, Order: order(id)))
            .OrderBy(static x => x.Order < 0 ? 1 : 0)
            .ThenBy(static x => x.Order)
            .ThenBy(static x => x.Id, StringComparer.Ordinal)
            .Select(static x => x.Id);
    }

    private static Dictionary<string, (int Order, T Item)> Index<T>(IEnumerable<T?> items, Func<T, string?> id)
        where T : class
    {
        var index = new Dictionary<string, (int, T)>(StringComparer.Ordinal);
        int order = 0;
        foreach (T? item in items)
        {
            if (item is not null && id(item) is { Length: > 0 } key)
            {
                index.TryAdd(key, (order, item));
            }

            order++;
        }

        return index;
    }
}

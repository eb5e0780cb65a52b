using OtSecurity.Model;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Vendors;

namespace OtSecurity.Response.BlastRadius;

/// <summary>
/// The blast-radius rules (<see cref="BlastRadiusRules"/>) as reusable computations over a <see cref="SiteGraph"/>.
/// The built-in actions use them; product actions should too, so that their radii follow the same rules. Ids the
/// site does not know are kept: the engine's closure (<see cref="Close"/>) sets them apart and the safety
/// guards deny any action whose radius names something they cannot check.
/// </summary>
public static class BlastRadiusCalculator
{
    private static readonly HashSet<string> NoIds = new(StringComparer.Ordinal);

    /// <summary>BR-PASSIVE: passive observation of the given zones (SPAN, tap, log level); nothing changes.</summary>
    /// <param name="what">What is observed, for the notes.</param>
    public static ActionBlastRadius Passive(string what) => new()
    {
        Effect = ProcessEffect.Observational,
        Rules = [BlastRadiusRules.Passive],
        Notes = [$"BR-PASSIVE: {what} is passive; no asset, zone or conduit changes."],
    };

    /// <summary>BR-READ: a read of assets (a program upload, a configuration or disk snapshot).</summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="assetIds">The assets read.</param>
    public static ActionBlastRadius Read(SiteGraph graph, IEnumerable<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        string[] assets = [.. graph.InAssetOrder(assetIds)];
        return new ActionBlastRadius
        {
            Assets = assets,
            Effect = ProcessEffect.Observational,
            Rules = [BlastRadiusRules.Read],
            Notes = [$"BR-READ: {Join(assets)} read without changing state (the read still reaches the device)."],
        };
    }

    /// <summary>
    /// BR-CUT / BR-SCOPED-CUT: conduits cut. With no scope the whole conduit is isolated and every asset of both
    /// end zones loses the traffic it exchanged across it; with a scope only those assets' flows are blocked.
    /// Operator stations that can no longer reach the controllers they supervise are listed (BR-SUPERVISION).
    /// </summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="conduitIds">The conduits cut.</param>
    /// <param name="scopeAssets">The assets whose flows are blocked; null to isolate the conduits completely.</param>
    public static ActionBlastRadius ConduitCut(SiteGraph graph, IEnumerable<string> conduitIds, IEnumerable<string>? scopeAssets = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(conduitIds);
        string[] conduits = [.. graph.InConduitOrder(conduitIds)];
        var notes = new List<string>();
        var assets = new List<string>();
        string rule;
        HashSet<string>? scope = null;
        if (scopeAssets is null)
        {
            rule = BlastRadiusRules.ConduitCut;
            foreach (string id in conduits)
            {
                if (graph.FindConduit(id) is { } conduit)
                {
                    string[] ends = [.. graph.AssetsIn(conduit.ZoneA).Concat(graph.AssetsIn(conduit.ZoneB)).Select(static a => a.Id)];
                    assets.AddRange(ends);
                    notes.Add($"BR-CUT: isolating {Describe(conduit)} cuts every flow between {conduit.ZoneA} and {conduit.ZoneB}; the assets of both zones ({Join(ends)}) lose the traffic they exchanged across it.");
                }
            }
        }
        else
        {
            rule = BlastRadiusRules.ScopedCut;
            scope = scopeAssets.ToHashSet(StringComparer.Ordinal);
            assets.AddRange(scope);
            notes.Add($"BR-SCOPED-CUT: only the flows of {Join(graph.InAssetOrder(scope))} across {Join(conduits)} are blocked.");
        }

        IReadOnlyList<SupervisionLoss> lost = graph.LostSupervision(conduits.ToHashSet(StringComparer.Ordinal), scope, NoIds);
        return WithSupervision(new ActionBlastRadius
        {
            Assets = [.. graph.InAssetOrder(assets)],
            Conduits = conduits,
            Effect = ProcessEffect.InterruptsCommunication,
            Rules = [rule],
            Notes = [.. notes],
        }, lost, view: true, control: true);
    }

    /// <summary>BR-HOST: hosts taken off the network (switch port disabled, host firewall closed).</summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="assetIds">The hosts.</param>
    public static ActionBlastRadius HostRemoval(SiteGraph graph, IEnumerable<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        string[] assets = [.. graph.InAssetOrder(assetIds)];
        IReadOnlyList<SupervisionLoss> lost = graph.LostSupervision(NoIds, null, assets.ToHashSet(StringComparer.Ordinal));
        return WithSupervision(new ActionBlastRadius
        {
            Assets = assets,
            Effect = ProcessEffect.InterruptsCommunication,
            Rules = [BlastRadiusRules.HostRemoval],
            Notes = [$"BR-HOST: {Join(assets)} taken off the network; whatever depended on it stops receiving from it."],
        }, lost, view: true, control: true);
    }

    /// <summary>
    /// BR-STOP: controllers stopped, put in a safe state or reprogrammed: each controller and the assets of its
    /// production line in its zone (the drives, I/O and field devices it runs). The operator loses control of
    /// that process; the view stays.
    /// </summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="controllerIds">The controllers.</param>
    /// <param name="what">What happens to them, for the notes ("put in a safe state").</param>
    public static ActionBlastRadius ControllerStop(SiteGraph graph, IEnumerable<string> controllerIds, string what)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(controllerIds);
        var assets = new List<string>();
        var notes = new List<string>();
        foreach (string id in graph.InAssetOrder(controllerIds))
        {
            assets.Add(id);
            if (graph.FindAsset(id) is not { } controller)
            {
                continue;
            }

            string[] driven = [.. graph.ZonesOf(id)
                .SelectMany(graph.AssetsIn)
                .Where(a => !ReferenceEquals(a, controller) && SameLine(a, controller))
                .Select(static a => a.Id)];
            assets.AddRange(driven);
            notes.Add(driven.Length == 0
                ? $"BR-STOP: {id} {what}; it stops running its process."
                : $"BR-STOP: {id} {what}; the assets of its line in its zone ({Join(driven)}) stop with it.");
        }

        string[] ordered = [.. graph.InAssetOrder(assets)];
        IReadOnlyList<SupervisionLoss> lost = graph.LostSupervision(NoIds, null, ordered.ToHashSet(StringComparer.Ordinal));
        return WithSupervision(new ActionBlastRadius
        {
            Assets = ordered,
            Effect = ProcessEffect.StopsProcess,
            RemovesOperatorControl = true,
            Rules = [BlastRadiusRules.ControllerStop],
            Notes = [.. notes],
        }, lost, view: false, control: true);
    }

    /// <summary>
    /// BR-LINE-STOP: production lines (or, with no line, the whole site) shut down: every asset of the line with no
    /// safety role. Safety instrumented functions, safety-related assets and emergency stops are outside the radius
    /// on purpose: a controlled shutdown leaves them armed and in charge.
    /// </summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="lineIds">The production lines; empty for the whole site.</param>
    public static ActionBlastRadius LineStop(SiteGraph graph, IEnumerable<string> lineIds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(lineIds);
        string[] lines = [.. graph.InLineOrder(lineIds)];
        IEnumerable<Asset> members = lines.Length == 0
            ? graph.Assets
            : graph.Assets.Where(a => a.ProductionLineId is { } line && lines.Contains(line, StringComparer.Ordinal));
        string[] assets = [.. members.Where(static a => a.SafetyRole == SafetyRole.None).Select(static a => a.Id)];
        IReadOnlyList<SupervisionLoss> lost = graph.LostSupervision(NoIds, null, assets.ToHashSet(StringComparer.Ordinal));
        return WithSupervision(new ActionBlastRadius
        {
            Assets = assets,
            ProductionLines = lines,
            Effect = ProcessEffect.StopsProcess,
            RemovesOperatorControl = true,
            Rules = [BlastRadiusRules.LineStop],
            Notes = [$"BR-LINE-STOP: {(lines.Length == 0 ? "the site" : Join(lines))} shut down through the normal shutdown sequence: {Join(assets)} stop; safety functions stay armed and are outside the radius."],
        }, lost, view: false, control: true);
    }

    /// <summary>
    /// BR-SESSION: a vendor's remote session (or account) ended: the vendor's remote-access conduits into its
    /// allowed zones, and the assets the session reaches — the alert's assets in those zones, or, when the alert
    /// names none there, every asset of the vendor's allowed zones (the session's reach is unknown).
    /// </summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="vendor">The vendor.</param>
    /// <param name="sessionAssets">The assets the alert says the session works on.</param>
    public static ActionBlastRadius VendorSession(SiteGraph graph, Vendor vendor, IEnumerable<string> sessionAssets)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(sessionAssets);
        string[] allowed = [.. graph.InZoneOrder(vendor.AllowedZones.Where(static z => z is not null))];
        string[] inScope = [.. graph.InAssetOrder(sessionAssets.Where(a => graph.ZonesOf(a).Any(z => allowed.Contains(z, StringComparer.Ordinal))))];
        string reach;
        if (inScope.Length == 0)
        {
            inScope = [.. allowed.SelectMany(graph.AssetsIn).Select(static a => a.Id).Distinct(StringComparer.Ordinal)];
            reach = $"the alert names no asset the session works on, so every asset of the vendor's zones ({Join(allowed)}) is in reach";
        }
        else
        {
            reach = $"the session works on {Join(inScope)}";
        }

        string[] conduits = [.. graph.Conduits
            .Where(c => c.Channel == ChannelKind.VendorRemoteAccess && allowed.Any(c.Connects))
            .Select(static c => c.Id)];
        return new ActionBlastRadius
        {
            Assets = [.. graph.InAssetOrder(inScope)],
            Zones = allowed,
            Conduits = conduits,
            Vendors = [vendor.Id],
            Effect = ProcessEffect.InterruptsCommunication,
            Rules = [BlastRadiusRules.Session],
            Notes = [$"BR-SESSION: {vendor.Id}'s remote session over {(conduits.Length == 0 ? "its access path" : Join(conduits))} ends; {reach}; work in progress on those assets stops where it is."],
        };
    }

    /// <summary>
    /// BR-CLOSE: closes a radius over the site: adds the zones and production lines of every affected asset and both
    /// end zones of every affected conduit, moves ids the site does not know to
    /// <see cref="ActionBlastRadius.UnknownReferences"/>, and puts every list in site-model order.
    /// </summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="radius">The radius an action computed.</param>
    public static ActionBlastRadius Close(SiteGraph graph, ActionBlastRadius radius)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(radius);
        var unknown = new SortedSet<string>(radius.UnknownReferences.Where(static u => u is not null), StringComparer.Ordinal);
        var assets = new List<string>();
        var zones = new List<string>();
        var lines = new List<string>();
        var conduits = new List<string>();
        var vendors = new List<string>();
        foreach (string? id in radius.Assets)
        {
            if (graph.FindAsset(id) is { } asset)
            {
                assets.Add(asset.Id);
                zones.AddRange(graph.ZonesOf(asset.Id));
                if (asset.ProductionLineId is { } line)
                {
                    if (graph.HasProductionLine(line))
                    {
                        lines.Add(line);
                    }
                    else
                    {
                        unknown.Add($"line:{line}");
                    }
                }
            }
            else
            {
                unknown.Add($"asset:{id}");
            }
        }

        foreach (string? id in radius.Conduits)
        {
            if (graph.FindConduit(id) is { } conduit)
            {
                conduits.Add(conduit.Id);
                zones.AddRange(new[] { conduit.ZoneA, conduit.ZoneB }.Where(z => graph.FindZone(z) is not null));
            }
            else
            {
                unknown.Add($"conduit:{id}");
            }
        }

        Sort(radius.Zones, graph.FindZone, zones, "zone", unknown);
        Sort(radius.ProductionLines, id => graph.HasProductionLine(id) ? id : null, lines, "line", unknown);
        Sort(radius.Vendors, graph.FindVendor, vendors, "vendor", unknown);

        return radius with
        {
            Assets = [.. graph.InAssetOrder(assets)],
            Zones = [.. graph.InZoneOrder(zones)],
            ProductionLines = [.. graph.InLineOrder(lines)],
            Conduits = [.. graph.InConduitOrder(conduits)],
            Vendors = [.. graph.InVendorOrder(vendors)],
            LostSupervision = [.. radius.LostSupervision.Where(static l => l is not null).Distinct()],
            UnknownReferences = [.. unknown],
            Rules = [.. radius.Rules.Where(static r => r is not null).Append(BlastRadiusRules.Closure).Distinct(StringComparer.Ordinal)],
            Notes = [.. radius.Notes.Where(static n => n is not null)],
        };
    }

    /// <summary>Combines several radii into one (the union of everything they affect, the strongest effect).</summary>
    /// <param name="radii">The radii.</param>
    public static ActionBlastRadius Union(IEnumerable<ActionBlastRadius> radii)
    {
        ArgumentNullException.ThrowIfNull(radii);
        ActionBlastRadius[] all = [.. radii];
        if (all.Length == 0)
        {
            return ActionBlastRadius.None;
        }

        return new ActionBlastRadius
        {
            Assets = [.. all.SelectMany(static r => r.Assets).Distinct(StringComparer.Ordinal)],
            Zones = [.. all.SelectMany(static r => r.Zones).Distinct(StringComparer.Ordinal)],
            ProductionLines = [.. all.SelectMany(static r => r.ProductionLines).Distinct(StringComparer.Ordinal)],
            Conduits = [.. all.SelectMany(static r => r.Conduits).Distinct(StringComparer.Ordinal)],
            Vendors = [.. all.SelectMany(static r => r.Vendors).Distinct(StringComparer.Ordinal)],
            Effect = all.Max(static r => r.Effect),
            RemovesOperatorView = all.Any(static r => r.RemovesOperatorView),
            RemovesOperatorControl = all.Any(static r => r.RemovesOperatorControl),
            DelaysTraffic = all.Any(static r => r.DelaysTraffic),
            LostSupervision = [.. all.SelectMany(static r => r.LostSupervision).Distinct()],
            UnknownReferences = [.. all.SelectMany(static r => r.UnknownReferences).Distinct(StringComparer.Ordinal)],
            Rules = [.. all.SelectMany(static r => r.Rules).Distinct(StringComparer.Ordinal)],
            Notes = [.. all.SelectMany(static r => r.Notes)],
        };
    }

    private static ActionBlastRadius WithSupervision(ActionBlastRadius radius, IReadOnlyList<SupervisionLoss> lost, bool view, bool control)
    {
        if (lost.Count == 0)
        {
            return radius;
        }

        string what = (view, control) switch
        {
            (true, true) => "view and control",
            (true, false) => "view",
            _ => "control",
        };
        return radius with
        {
            LostSupervision = [.. lost],
            RemovesOperatorView = radius.RemovesOperatorView || view,
            RemovesOperatorControl = radius.RemovesOperatorControl || control,
            Rules = radius.Rules.Add(BlastRadiusRules.Supervision),
            Notes = radius.Notes.Add($"BR-SUPERVISION: operators lose the {what} of the process at {Join(lost.Select(static l => l.ToString()))}."),
        };
    }

    private static void Sort<T>(EquatableArray<string> declared, Func<string, T?> find, List<string> into, string kind, SortedSet<string> unknown)
        where T : class
    {
        foreach (string? id in declared)
        {
            if (id is not null && find(id) is not null)
            {
                into.Add(id);
            }
            else
            {
                unknown.Add($"{kind}:{id}");
            }
        }
    }

    private static bool SameLine(Asset a, Asset b) =>
        a.ProductionLineId is null || b.ProductionLineId is null || string.Equals(a.ProductionLineId, b.ProductionLineId, StringComparison.Ordinal);

    private static string Describe(Conduit conduit) => conduit.Name is { Length: > 0 } name ? $"{conduit.Id} ({name})" : conduit.Id;

    internal static string Join(IEnumerable<string> items)
    {
        string text = string.Join(", ", items);
        return text.Length == 0 ? "nothing" : text;
    }
}

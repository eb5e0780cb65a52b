using System.Globalization;
using Microsoft.Extensions.Options;
using OtSecurity.Model;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Attack;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Playbooks;

/// <summary>
/// Generates OT incident-response playbooks from a site model. The containment options of each zone are judged by
/// the response engine itself — the same safety guards, human-factors, production-impact and evidence policies as
/// live plans — with maintenance windows stated as a constraint (a playbook is read at any hour). Deterministic:
/// the same site and options give the same playbook.
/// </summary>
public sealed partial class PlaybookGenerator
{
    private readonly ResponseOptions _options;
    private readonly ResponseEngine _engine;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">The response options (thresholds, restoration first); defaults when null.</param>
    /// <param name="estimator">The downtime cost estimator; OtSecurity.Risk's model when null.</param>
    /// <param name="additionalPolicies">Product policies to judge the options with, besides the built-in ones.</param>
    public PlaybookGenerator(ResponseOptions? options = null, IDowntimeCostEstimator? estimator = null, IEnumerable<IResponsePolicy>? additionalPolicies = null)
    {
        _options = (options ?? new ResponseOptions()).Clone();
        _engine = new ResponseEngine(
            Options.Create(_options),
            BuiltInActions.Create(),
            [new HumanFactorsPolicy(), new ProductionImpactPolicy(), new EvidenceBeforeRestorationPolicy(), .. additionalPolicies ?? []],
            estimator ?? new RiskDowntimeCostEstimator(),
            new FixedTime(DateTimeOffset.UnixEpoch));
    }

    /// <summary>Generates the playbook of a site.</summary>
    /// <param name="site">The site model (valid or not; structural errors are noted).</param>
    /// <param name="cancellationToken">Cancels generation.</param>
    public async Task<Playbook> GenerateAsync(SiteModel site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        SiteGraph graph = SiteGraph.Build(site);
        var notes = new List<string>();
        foreach (Model.Validation.ValidationFinding error in graph.StructuralErrors)
        {
            notes.Add($"Structural error in the site model ({error.RuleId} at {error.Path}): {error.Message} Every containment option that touches the plant needs approval until it is fixed.");
        }

        var zones = new List<ZonePlaybook>();
        foreach (Zone zone in graph.Zones)
        {
            zones.Add(await ZoneAsync(graph, zone, cancellationToken).ConfigureAwait(false));
        }

        return new Playbook
        {
            SiteName = site.Name,
            Environment = site.Environment,
            EvaluationDate = site.EvaluationDate,
            TimeZone = site.TimeZone,
            RestorationFirst = _options.RestorationFirst,
            RestorationFirstZones = [.. _options.RestorationFirstZones],
            Contacts = [.. Contacts(graph, notes)],
            RecoveryOrder = [.. Recovery(graph)],
            Zones = [.. zones],
            Techniques = [.. TechniqueResponseMap.MappedTechniques.Select(id => Technique(graph, AttackForIcsCatalog.Get(id)))],
            Notes = [.. notes],
        };
    }

    private async Task<ZonePlaybook> ZoneAsync(SiteGraph graph, Zone zone, CancellationToken cancellationToken)
    {
        Asset[] assets = [.. graph.AssetsIn(zone.Id)];
        ActionProposal[] proposals = [.. ZoneProposals(graph, zone, assets)];
        var alert = new Alert
        {
            Id = $"playbook-{zone.Id}",
            Time = DateTimeOffset.UnixEpoch,
            RuleId = "PLAYBOOK",
            Severity = AlertSeverity.Critical,
            AffectedAssets = [.. assets.Select(static a => a.Id)],
            Message = $"Playbook options for {zone.Id}",
        };
        ResponsePlan plan = await _engine.EvaluateAsync(alert, graph.Site, proposals, dryRun: true, cancellationToken).ConfigureAwait(false);
        string[] windows = [.. zone.MaintenanceWindows.Where(static w => w is not null).Select(static w => w.ToString())];
        bool safety = assets.Any(static a => a.SafetyRole != SafetyRole.None);
        return new ZonePlaybook
        {
            ZoneId = zone.Id,
            Name = zone.Name,
            PurdueLevel = zone.PurdueLevel.ToDisplayString(),
            HoldsSafety = safety,
            Assets = [.. assets.Select(static a => $"{a.Id} — {a.Name} ({a.Kind}{(a.SafetyRole == SafetyRole.None ? string.Empty : ", " + a.SafetyRole)}{(a.ProductionLineId is null ? string.Empty : ", " + a.ProductionLineId)})")],
            Conduits = [.. graph.Conduits.Where(c => c.Connects(zone.Id)).Select(c => DescribeConduit(graph, c, zone.Id))],
            MaintenanceWindows = windows,
            Containment = [.. plan.Steps.Select(s => Option(s, windows))],
            Call = [.. Call(graph, zone, assets)],
            ManualFallbacks = [.. Fallbacks(graph, zone, assets)],
            Evidence = [.. Evidence(graph, zone, assets)],
        };
    }

    private static IEnumerable<ActionProposal> ZoneProposals(SiteGraph graph, Zone zone, Asset[] assets)
    {
        ActionProposal P(string action, ActionTarget target, IEnumerable<string>? scope = null) =>
            new() { ActionId = action, Target = target, Reason = $"Containment option for {zone.Id}", Scope = [.. scope ?? []] };

        yield return P(ResponseActionIds.CaptureTraffic, ActionTarget.Zone(zone.Id));
        yield return P(ResponseActionIds.RaiseMonitoring, ActionTarget.Zone(zone.Id));
        foreach (Asset asset in assets.Where(static a => ResponseActionBase.IsController(a) || ResponseActionBase.IsHost(a)))
        {
            yield return P(ResponseActionIds.SnapshotConfiguration, ActionTarget.Asset(asset.Id));
        }

        if (BlockBoundaryFlowAction.BoundaryConduit(graph, zone.Id) is { } boundary && assets.Length > 0)
        {
            yield return P(ResponseActionIds.BlockBoundaryFlow, ActionTarget.Conduit(boundary.Id), assets.Select(static a => a.Id));
        }

        foreach (Vendor vendor in graph.Vendors.Where(v => v.HasRemoteAccess && v.AllowedZones.Contains(zone.Id)))
        {
            yield return P(ResponseActionIds.EndVendorSession, ActionTarget.Vendor(vendor.Id), assets.Select(static a => a.Id));
        }

        foreach ((Conduit conduit, string _) in graph.Neighbours(zone.Id))
        {
            yield return P(ResponseActionIds.IsolateConduit, ActionTarget.Conduit(conduit.Id));
        }

        foreach (Asset asset in assets.Where(static a => ResponseActionBase.IsHost(a) && a.SafetyRole == SafetyRole.None))
        {
            yield return P(ResponseActionIds.QuarantineHost, ActionTarget.Asset(asset.Id));
        }

        foreach (Asset asset in assets.Where(ResponseActionBase.IsController))
        {
            yield return P(ResponseActionIds.RequestSafeState, ActionTarget.Asset(asset.Id));
        }
    }

    private static ContainmentOption Option(ResponseStep step, string[] windows)
    {
        var constraints = step.Decisions
            .Where(d => d.Contribution == step.Verdict && d.Contribution != ResponseVerdict.Automatic)
            .Select(static d => $"{d.RuleId}: {d.Reason}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (step.Verdict != ResponseVerdict.Denied && (step.Traits & ActionTraits.Disruptive) != 0)
        {
            constraints.Add(windows.Length == 0
                ? "OTR-MW-003: the zone declares no maintenance window, so this disruptive action always needs approval."
                : $"OTR-MW-001/002: automatic only inside the maintenance windows ({string.Join("; ", windows)}); outside them it needs approval.");
        }

        if (constraints.Count == 0)
        {
            constraints.Add("No constraint: the engine lets it run automatically.");
        }

        return new ContainmentOption(step.Id, step.ActionName, step.Target, step.Verdict, step.RequiredApprovals, [.. constraints], step.BlastRadius.Summarize(), Cost(step));
    }

    internal static string Cost(ResponseStep step) => step.ExpectedDowntimeCost is { } cost
        ? string.Create(CultureInfo.InvariantCulture, $"{cost.Amount:#,0} {cost.Currency}")
        : $"unknown ({step.DowntimeCostError})";

    private static string DescribeConduit(SiteGraph graph, Conduit conduit, string from)
    {
        string other = conduit.OtherEnd(from) ?? "?";
        string flows = conduit.AllowedFlows.IsEmpty ? "no flows declared" : string.Join(", ", conduit.AllowedFlows.Where(static f => f is not null).Select(static f => f.ToString()));
        string safety = graph.SisDependentConduits.Contains(conduit.Id) || graph.EmergencyStopDependentConduits.Contains(conduit.Id) ? "; safety functions depend on it" : string.Empty;
        return $"{conduit.Id} → {other} ({conduit.Channel}, {conduit.Segmentation}; {flows}{safety})";
    }

    /// <summary>A clock that always says the same time, so playbooks are deterministic.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

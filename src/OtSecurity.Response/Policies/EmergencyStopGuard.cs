using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Policies;

/// <summary>
/// Denies anything that can block or delay an emergency-stop path: a blast radius that holds an emergency-stop
/// asset or a conduit an emergency-stop path depends on (<see cref="SiteGraph.EmergencyStopDependentConduits"/>),
/// an action that delays traffic in a zone on such a path, or a radius naming things the site does not hold.
/// Mandatory, like <see cref="SafetyInstrumentedSystemGuard"/>.
/// </summary>
public sealed class EmergencyStopGuard : IResponsePolicy
{
    /// <inheritdoc />
    public string Id => PolicyIds.EmergencyStopGuard;

    /// <inheritdoc />
    public string Name => "Emergency stop guard";

    /// <inheritdoc />
    public int Order => -100;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Evaluate(context.Step.BlastRadius, context.Graph));
    }

    /// <summary>Judges a blast radius.</summary>
    /// <param name="radius">A closed blast radius.</param>
    /// <param name="graph">The site graph.</param>
    public static PolicyDecision Evaluate(ActionBlastRadius radius, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(radius);
        ArgumentNullException.ThrowIfNull(graph);
        string[] unknown = [.. GuardHelpers.SafetyRelevantUnknowns(radius)];
        if (unknown.Length > 0)
        {
            return PolicyDecision.Denied(ResponseRules.EStopUnknown.Id, $"The blast radius names {string.Join(", ", unknown)}, which the site model does not hold; it cannot be shown to spare the emergency stops.");
        }

        string[] stops = [.. radius.Assets.Where(id => graph.FindAsset(id) is { SafetyRole: SafetyRole.EmergencyStop })];
        if (stops.Length > 0)
        {
            return PolicyDecision.Denied(ResponseRules.EStopAsset.Id, $"The blast radius holds the emergency stop {GuardHelpers.DescribeAssets(graph, stops)}; nothing may block or delay an emergency-stop path.");
        }

        string[] conduits = [.. radius.Conduits.Where(graph.EmergencyStopDependentConduits.Contains)];
        if (conduits.Length > 0)
        {
            return PolicyDecision.Denied(ResponseRules.EStopConduit.Id, $"The blast radius holds {string.Join(", ", conduits)}, which an emergency-stop path depends on; nothing may block or delay it.");
        }

        if (radius.DelaysTraffic)
        {
            var stopZones = new HashSet<string>(StringComparer.Ordinal);
            foreach (string id in graph.EmergencyStopDependentConduits)
            {
                if (graph.FindConduit(id) is { } conduit)
                {
                    stopZones.Add(conduit.ZoneA);
                    stopZones.Add(conduit.ZoneB);
                }
            }

            foreach (Asset asset in graph.Assets.Where(static a => a.SafetyRole == SafetyRole.EmergencyStop))
            {
                stopZones.UnionWith(graph.ZonesOf(asset.Id));
            }

            string[] delayed = [.. radius.Zones.Where(stopZones.Contains)];
            if (delayed.Length > 0)
            {
                return PolicyDecision.Denied(ResponseRules.EStopDelay.Id, $"The action adds latency or inspection to traffic in {string.Join(", ", delayed)}, on an emergency-stop path; an emergency stop must never wait.");
            }
        }

        return PolicyDecision.Automatic(ResponseRules.EStopClear.Id, "Nothing in the blast radius carries or delays an emergency-stop path.");
    }
}

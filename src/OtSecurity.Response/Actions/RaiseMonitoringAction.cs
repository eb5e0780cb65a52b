using OtSecurity.Model.Alerts;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Raise the monitoring level of the affected zones: full logging, lower detection thresholds, longer capture
/// retention. Passive: nothing is sent to the plant. Proposed for alerts of medium severity or above, or with techniques.
/// </summary>
public sealed class RaiseMonitoringAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public RaiseMonitoringAction()
        : base(ResponseActionIds.RaiseMonitoring, "Raise the monitoring level", "Turns on full logging and lowers detection thresholds for the zone; passive, nothing is sent to the plant.", ActionPhase.Monitoring, ActionTraits.None, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Alert.Severity < AlertSeverity.Medium && context.Techniques.Count == 0)
        {
            yield break;
        }

        string[] zones = [.. context.AffectedZones];
        if (zones.Length == 0)
        {
            yield return Proposal(ActionTarget.Site(context.Graph.Site.Name), "The alert names no asset of the site: watch the whole site more closely.", context.Techniques.Select(static t => t.Id));
            yield break;
        }

        foreach (string zone in zones)
        {
            yield return Proposal(ActionTarget.Zone(zone), $"Watch {zone} more closely while alert {context.Alert.Id} is open.", context.Techniques.Select(static t => t.Id));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind switch
        {
            ActionTargetKind.Site => BlastRadiusCalculator.Passive("raising the monitoring level of the site"),
            ActionTargetKind.Zone when graph.FindZone(proposal.Target.Id) is not null => BlastRadiusCalculator.Passive($"raising the monitoring level of {proposal.Target.Id}"),
            _ => WrongTarget(proposal, ActionTargetKind.Zone),
        };
    }
}

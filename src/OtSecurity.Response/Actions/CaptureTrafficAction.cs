using OtSecurity.Model.Alerts;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Capture the traffic of the affected zones from their monitoring point (SPAN port or tap) and keep it as
/// evidence. Passive. Proposed for alerts of medium severity or above, or with techniques.
/// </summary>
public sealed class CaptureTrafficAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public CaptureTrafficAction()
        : base(ResponseActionIds.CaptureTraffic, "Capture traffic", "Records the zone's traffic from its existing SPAN port or tap and keeps it as evidence; passive.", ActionPhase.Evidence, ActionTraits.Evidence, 0)
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

        foreach (string zone in context.AffectedZones)
        {
            yield return Proposal(ActionTarget.Zone(zone), $"Keep the traffic of {zone} as evidence of alert {context.Alert.Id}.", context.Techniques.Select(static t => t.Id));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind == ActionTargetKind.Zone && graph.FindZone(proposal.Target.Id) is not null
            ? BlastRadiusCalculator.Passive($"capturing the traffic of {proposal.Target.Id} from its monitoring point")
            : WrongTarget(proposal, ActionTargetKind.Zone);
    }
}

using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Quarantine a host: take a workstation, server, HMI or gateway off the network (switch port disabled or host
/// firewall closed). Only hosts with no safety role are proposed — controllers are never quarantined (ask
/// operations for a safe state instead). Proposed when the techniques point at a compromised computer or lateral
/// movement. Disruptive: whatever depended on the host stops receiving from it; an HMI quarantined takes the
/// operator's view and control with it.
/// </summary>
public sealed class QuarantineHostAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public QuarantineHostAction()
        : base(ResponseActionIds.QuarantineHost, "Quarantine a host", "Takes a (non-safety) workstation, server, HMI or gateway off the network, keeping it powered for forensics.", ActionPhase.Containment, ActionTraits.Disruptive, 2.0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResponseFamily why = ResponseFamily.HostCompromise | ResponseFamily.LateralMovement;
        if (!context.Has(why))
        {
            yield break;
        }

        foreach (Asset asset in context.AffectedAssets.Where(static a => IsHost(a) && a.SafetyRole == SafetyRole.None).OrderBy(static a => a.Id, StringComparer.Ordinal))
        {
            yield return Proposal(ActionTarget.Asset(asset.Id), $"Quarantine {asset.Id} ({asset.Kind}) ({Because(context, why)}).", context.TechniquesFor(why));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind == ActionTargetKind.Asset
            ? BlastRadiusCalculator.HostRemoval(graph, [proposal.Target.Id])
            : WrongTarget(proposal, ActionTargetKind.Asset);
    }
}

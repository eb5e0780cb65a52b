using OtSecurity.Model.Vendors;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// End a vendor's live remote session at the remote-access gateway. Proposed for every vendor the alert
/// involves (<see cref="ProposalContext.InvolvedVendors"/>) that has remote access. The blast radius covers the
/// assets the session works on, because ending a session mid-change (a program download, a firmware update)
/// leaves that work where it stopped.
/// </summary>
public sealed class EndVendorSessionAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public EndVendorSessionAction()
        : base(ResponseActionIds.EndVendorSession, "End the vendor's remote session", "Terminates the vendor's live session at the remote-access gateway; work in progress on the assets it reaches stops where it is.", ActionPhase.Containment, ActionTraits.None, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (Vendor vendor in context.InvolvedVendors.Where(static v => v.HasRemoteAccess))
        {
            yield return Proposal(
                ActionTarget.Vendor(vendor.Id),
                $"End the remote session of {vendor.Name} ({vendor.RemoteAccess}) involved in alert {context.Alert.Id}.",
                context.TechniquesFor(ResponseFamily.RemoteAccess | ResponseFamily.CredentialAbuse),
                context.AffectedAssets.Select(static a => a.Id));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind == ActionTargetKind.Vendor && graph.FindVendor(proposal.Target.Id) is { } vendor
            ? BlastRadiusCalculator.VendorSession(graph, vendor, proposal.Scope)
            : WrongTarget(proposal, ActionTargetKind.Vendor);
    }
}

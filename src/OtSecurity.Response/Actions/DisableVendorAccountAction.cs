using OtSecurity.Model.Alerts;
using OtSecurity.Model.Vendors;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Disable a vendor's account so no new session can start. Proposed for the vendors the alert involves when
/// the techniques point at abused credentials or the alert is of high severity or above. Most gateways end the
/// account's live sessions too, so the blast radius is that of ending the session.
/// </summary>
public sealed class DisableVendorAccountAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public DisableVendorAccountAction()
        : base(ResponseActionIds.DisableVendorAccount, "Disable the vendor's account", "Disables the vendor's account at the remote-access gateway; live sessions of the account end with it.", ActionPhase.Containment, ActionTraits.None, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Has(ResponseFamily.CredentialAbuse) && context.Alert.Severity < AlertSeverity.High)
        {
            yield break;
        }

        foreach (Vendor vendor in context.InvolvedVendors.Where(static v => v.HasRemoteAccess || v.Credentials is not null))
        {
            yield return Proposal(
                ActionTarget.Vendor(vendor.Id),
                $"Disable the account of {vendor.Name} until the activity of alert {context.Alert.Id} is explained{(vendor.Credentials?.SharedAccount == true ? " (a shared account: everyone using it is locked out)" : string.Empty)}.",
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

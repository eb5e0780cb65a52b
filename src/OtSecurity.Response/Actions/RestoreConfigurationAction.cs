using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Restore the last known-good program and configuration of a controller, or the known-good image of a host.
/// Never automatic: restoring a controller program is a program download — the very operation an attacker
/// uses — and stops the controller while it runs; restoring a host overwrites what forensics needs. Evidence
/// steps come first unless the site declares restoration first. Proposed for the affected controllers (controller
/// tampering) and non-safety hosts (compromised computer) when the alert is of high severity or above.
/// </summary>
public sealed class RestoreConfigurationAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public RestoreConfigurationAction()
        : base(ResponseActionIds.RestoreConfiguration, "Restore the known-good configuration", "Downloads the last known-good program to a controller, or re-images a host from its known-good image; never automatic.", ActionPhase.Restoration, ActionTraits.Restoration | ActionTraits.Disruptive | ActionTraits.NeverAutomatic, 2.0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Alert.Severity < AlertSeverity.High)
        {
            yield break;
        }

        bool controllers = context.Has(ResponseFamily.ControllerTampering);
        bool hosts = context.Has(ResponseFamily.HostCompromise);
        foreach (Asset asset in context.Graph.InAssetOrder(context.AffectedAssets.Select(static a => a.Id)).Select(context.Graph.FindAsset).OfType<Asset>())
        {
            if (controllers && IsController(asset))
            {
                yield return Proposal(ActionTarget.Asset(asset.Id), $"Restore the last known-good program of {asset.Id} once the evidence is kept ({Because(context, ResponseFamily.ControllerTampering)}).", context.TechniquesFor(ResponseFamily.ControllerTampering));
            }
            else if (hosts && IsHost(asset) && asset.SafetyRole == SafetyRole.None)
            {
                yield return Proposal(ActionTarget.Asset(asset.Id), $"Re-image {asset.Id} from its known-good image once the evidence is kept ({Because(context, ResponseFamily.HostCompromise)}).", context.TechniquesFor(ResponseFamily.HostCompromise));
            }
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        if (proposal.Target.Kind != ActionTargetKind.Asset)
        {
            return WrongTarget(proposal, ActionTargetKind.Asset);
        }

        return graph.FindAsset(proposal.Target.Id) is { } asset && !IsController(asset)
            ? BlastRadiusCalculator.HostRemoval(graph, [asset.Id])
            : BlastRadiusCalculator.ControllerStop(graph, [proposal.Target.Id], "stops while the known-good program is downloaded");
    }
}

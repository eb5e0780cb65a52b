using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Preserve the state of an affected asset before anything changes it: upload a controller's program and
/// configuration (to compare with the golden copy), or snapshot a host's configuration, memory and disk.
/// A read: the device is touched, its state is not changed. Proposed for the affected controllers when the
/// techniques point at controller tampering or process manipulation, and for the affected hosts when they
/// point at a compromised computer or lateral movement.
/// </summary>
public sealed class SnapshotConfigurationAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public SnapshotConfigurationAction()
        : base(ResponseActionIds.SnapshotConfiguration, "Snapshot the configuration (program upload)", "Uploads a controller's program and configuration, or snapshots a host's configuration, memory and disk, as evidence; a read that changes no state.", ActionPhase.Evidence, ActionTraits.Evidence, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool controllers = context.Has(ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation);
        bool hosts = context.Has(ResponseFamily.HostCompromise | ResponseFamily.LateralMovement);
        foreach (Asset asset in context.Graph.InAssetOrder(context.AffectedAssets.Select(static a => a.Id)).Select(context.Graph.FindAsset).OfType<Asset>())
        {
            if (controllers && IsController(asset))
            {
                yield return Proposal(ActionTarget.Asset(asset.Id), $"Upload the program and configuration of {asset.Id} and compare them with the golden copy before anything changes them ({Because(context, ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation)}).", context.TechniquesFor(ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation));
            }
            else if (hosts && IsHost(asset))
            {
                yield return Proposal(ActionTarget.Asset(asset.Id), $"Snapshot the configuration, memory and disk of {asset.Id} before containment or restoration changes them ({Because(context, ResponseFamily.HostCompromise | ResponseFamily.LateralMovement)}).", context.TechniquesFor(ResponseFamily.HostCompromise | ResponseFamily.LateralMovement));
            }
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind == ActionTargetKind.Asset
            ? BlastRadiusCalculator.Read(graph, [proposal.Target.Id])
            : WrongTarget(proposal, ActionTargetKind.Asset);
    }
}

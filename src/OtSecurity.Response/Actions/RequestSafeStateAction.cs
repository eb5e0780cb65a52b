using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Ask operations to put a controller in its safe state. Never automatic: only the operators know whether the
/// process can take it now (a batch mid-reaction, a furnace at temperature, a line with product in it), and a
/// safe state is reached through the plant's own procedure, not by a security tool writing to the controller.
/// Proposed for the affected controllers when the techniques point at process manipulation or controller
/// tampering and the alert is of high severity or above.
/// </summary>
public sealed class RequestSafeStateAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public RequestSafeStateAction()
        : base(ResponseActionIds.RequestSafeState, "Request a PLC safe state from operations", "Asks the operators to bring the controller and its process to their safe state by the plant's procedure; never automatic.", ActionPhase.OperationsRequest, ActionTraits.NeverAutomatic | ActionTraits.Disruptive, 4.0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResponseFamily why = ResponseFamily.ProcessManipulation | ResponseFamily.ControllerTampering;
        if (!context.Has(why) || context.Alert.Severity < AlertSeverity.High)
        {
            yield break;
        }

        foreach (Asset asset in context.Graph.InAssetOrder(context.AffectedAssets.Where(IsController).Select(static a => a.Id)).Select(context.Graph.FindAsset).OfType<Asset>())
        {
            yield return Proposal(ActionTarget.Asset(asset.Id), $"Ask operations to bring {asset.Id} and its process to their safe state ({Because(context, why)}).", context.TechniquesFor(why));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind == ActionTargetKind.Asset
            ? BlastRadiusCalculator.ControllerStop(graph, [proposal.Target.Id], "is brought to its safe state by operations")
            : WrongTarget(proposal, ActionTargetKind.Asset);
    }
}

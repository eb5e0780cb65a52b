using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>Notify the people on call (security and operations) of the alert and the plan. Proposed for every alert.</summary>
public sealed class NotifyAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public NotifyAction()
        : base(ResponseActionIds.Notify, "Notify on-call security and operations", "Sends the alert and the plan to the people on call; touches nothing in the plant.", ActionPhase.Notification, ActionTraits.NotificationOnly, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return Proposal(ActionTarget.Site(context.Graph.Site.Name), $"Alert {context.Alert.Id} ({context.Alert.Severity}): {context.Alert.Message}", context.Techniques.Select(static t => t.Id));
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph) => ActionBlastRadius.None;
}

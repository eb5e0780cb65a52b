using OtSecurity.Model.Alerts;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>Open an incident ticket that carries the alert, its evidence and the plan. Proposed for alerts of low severity or above.</summary>
public sealed class OpenTicketAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public OpenTicketAction()
        : base(ResponseActionIds.OpenTicket, "Open an incident ticket", "Opens a ticket with the alert, its evidence and the plan; touches nothing in the plant.", ActionPhase.Notification, ActionTraits.None, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Alert.Severity >= AlertSeverity.Low)
        {
            yield return Proposal(ActionTarget.Site(context.Graph.Site.Name), $"Track alert {context.Alert.Id} ({context.Alert.Severity}) to closure.", context.Techniques.Select(static t => t.Id));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph) => ActionBlastRadius.None;
}

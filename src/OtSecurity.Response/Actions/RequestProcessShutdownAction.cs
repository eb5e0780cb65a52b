using OtSecurity.Model.Alerts;
using OtSecurity.Model.Attack;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Ask operations for a controlled shutdown of the affected production lines (or of the site when the affected
/// assets serve no line). Never automatic: a shutdown is itself a hazardous transition (restarts of a continuous
/// process take days and are when accidents happen), it costs the most of any action, and only the shift
/// supervisor can weigh it against the threat. Proposed when safety or protection is at stake (or the alert is
/// critical with impact or inhibit-response techniques) and the alert is of high severity or above.
/// </summary>
public sealed class RequestProcessShutdownAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public RequestProcessShutdownAction()
        : base(ResponseActionIds.RequestProcessShutdown, "Request a process shutdown from operations", "Asks the shift supervisor for a controlled shutdown of the line by the plant's normal shutdown sequence, safety functions armed; never automatic.", ActionPhase.OperationsRequest, ActionTraits.NeverAutomatic | ActionTraits.Disruptive, 8.0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool critical = context.Alert.Severity == AlertSeverity.Critical
            && context.Techniques.Any(static t => t.Tactics.Contains(AttackTactic.Impact) || t.Tactics.Contains(AttackTactic.InhibitResponseFunction));
        if (context.Alert.Severity < AlertSeverity.High || !(context.Has(ResponseFamily.SafetyImpact) || critical))
        {
            yield break;
        }

        string[] lines = [.. context.Graph.InLineOrder(context.AffectedAssets.Select(static a => a.ProductionLineId).OfType<string>().Where(context.Graph.HasProductionLine))];
        string why = string.Join(", ", context.Techniques.Select(static t => $"{t.Id} {t.Name}"));
        if (lines.Length == 0)
        {
            yield return Proposal(ActionTarget.Site(context.Graph.Site.Name), $"Ask the shift supervisor whether the site must be brought down in a controlled way ({why}).", context.Techniques.Select(static t => t.Id));
            yield break;
        }

        foreach (string line in lines)
        {
            yield return Proposal(ActionTarget.ProductionLine(line), $"Ask the shift supervisor whether {line} must be brought down in a controlled way ({why}).", context.Techniques.Select(static t => t.Id));
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind switch
        {
            ActionTargetKind.Site => BlastRadiusCalculator.LineStop(graph, []),
            ActionTargetKind.ProductionLine when graph.HasProductionLine(proposal.Target.Id) => BlastRadiusCalculator.LineStop(graph, [proposal.Target.Id]),
            _ => WrongTarget(proposal, ActionTargetKind.ProductionLine),
        };
    }
}

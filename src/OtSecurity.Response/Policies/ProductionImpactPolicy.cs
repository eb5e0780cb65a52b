using System.Globalization;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Policies;

/// <summary>
/// Weighs each step's expected downtime cost (from the downtime cost model, OtSecurity.Risk): above
/// <see cref="ResponseOptions.ApprovalThreshold"/> one person must approve, above
/// <see cref="ResponseOptions.TwoPersonThreshold"/> two different people must. A step that interrupts
/// production and whose cost could not be estimated is denied.
/// </summary>
public sealed class ProductionImpactPolicy : IResponsePolicy
{
    /// <inheritdoc />
    public string Id => PolicyIds.ProductionImpact;

    /// <inheritdoc />
    public string Name => "Production impact";

    /// <inheritdoc />
    public int Order => 200;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Evaluate(context.Step, context.Options));
    }

    /// <summary>Judges a step.</summary>
    /// <param name="step">The step.</param>
    /// <param name="options">The thresholds.</param>
    public static PolicyDecision Evaluate(ProposedStep step, ResponseOptions options)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(options);
        if (step.ExpectedDowntimeCost is not { } cost || !double.IsFinite(cost.Amount) || cost.Amount < 0)
        {
            if (step.BlastRadius.Effect >= ProcessEffect.InterruptsCommunication)
            {
                return PolicyDecision.Denied(ResponseRules.CostUnknown.Id, $"The expected downtime cost could not be estimated ({step.DowntimeCostError ?? "no valid figure"}); an action that interrupts production is not taken blind.");
            }

            return PolicyDecision.Automatic(ResponseRules.CostBelowThreshold.Id, "The action does not interrupt production; no downtime cost.");
        }

        string amount = Money(cost.Amount, cost.Currency);
        if (cost.Amount > options.TwoPersonThreshold)
        {
            return PolicyDecision.NeedsApproval(ResponseRules.CostNeedsTwoPeople.Id, $"Expected downtime cost {amount} exceeds the two-person threshold {Money(options.TwoPersonThreshold, cost.Currency)} ({cost.Basis}).", 2);
        }

        if (cost.Amount > options.ApprovalThreshold)
        {
            return PolicyDecision.NeedsApproval(ResponseRules.CostNeedsApproval.Id, $"Expected downtime cost {amount} exceeds the approval threshold {Money(options.ApprovalThreshold, cost.Currency)} ({cost.Basis}).");
        }

        return PolicyDecision.Automatic(ResponseRules.CostBelowThreshold.Id, $"Expected downtime cost {amount} is within the approval threshold {Money(options.ApprovalThreshold, cost.Currency)}.");
    }

    internal static string Money(double amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:#,0} {currency}");
}

using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Policies;

/// <summary>
/// Nothing that removes an operator's view or control of the process runs without approval: operators who lose
/// their HMI while the process runs cannot see an upset coming or act on it, and a security tool must not be
/// what blinds them.
/// </summary>
public sealed class HumanFactorsPolicy : IResponsePolicy
{
    /// <inheritdoc />
    public string Id => PolicyIds.HumanFactors;

    /// <inheritdoc />
    public string Name => "Human factors";

    /// <inheritdoc />
    public int Order => 100;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Evaluate(context.Step.BlastRadius));
    }

    /// <summary>Judges a blast radius.</summary>
    /// <param name="radius">A closed blast radius.</param>
    public static PolicyDecision Evaluate(ActionBlastRadius radius)
    {
        ArgumentNullException.ThrowIfNull(radius);
        string where = radius.LostSupervision.IsEmpty ? string.Empty : $" ({string.Join(", ", radius.LostSupervision)})";
        if (radius.RemovesOperatorView)
        {
            return PolicyDecision.NeedsApproval(ResponseRules.OperatorViewLost.Id, $"The action removes an operator's view{(radius.RemovesOperatorControl ? " and control" : string.Empty)} of the process{where}; the shift supervisor must agree and arrange local operation first.");
        }

        if (radius.RemovesOperatorControl)
        {
            return PolicyDecision.NeedsApproval(ResponseRules.OperatorControlLost.Id, $"The action removes an operator's control of the process{where}; the shift supervisor must agree first.");
        }

        return PolicyDecision.Automatic(ResponseRules.OperatorKept.Id, "Operators keep the view and control of the process.");
    }
}

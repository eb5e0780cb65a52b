namespace OtSecurity.Response.Policies;

/// <summary>
/// A policy's decision about one step: the outcome, the rule that decided it and why. A decision without a
/// defined outcome or a rule id, or a <see cref="PolicyOutcome.NeedsApproval"/> asking for fewer than one
/// approval, is malformed: the fail-safe treats it as no decision and denies the step.
/// </summary>
public sealed record PolicyDecision
{
    /// <summary>The outcome.</summary>
    public PolicyOutcome Outcome { get; init; }

    /// <summary>The id of the rule that decided, for example "OTR-SIS-001".</summary>
    public string RuleId { get; init; } = string.Empty;

    /// <summary>Why, in words an auditor and an operator understand.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>How many different people must approve (1, or 2 for two-person approval) when the outcome is <see cref="PolicyOutcome.NeedsApproval"/>; 0 otherwise.</summary>
    public int RequiredApprovals { get; init; }

    /// <summary>The policy does not apply to the step.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="reason">Why.</param>
    public static PolicyDecision NotApplicable(string ruleId, string reason) => new() { Outcome = PolicyOutcome.NotApplicable, RuleId = ruleId, Reason = reason };

    /// <summary>The step may run automatically as far as this policy is concerned.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="reason">Why.</param>
    public static PolicyDecision Automatic(string ruleId, string reason) => new() { Outcome = PolicyOutcome.Automatic, RuleId = ruleId, Reason = reason };

    /// <summary>The step needs approval.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="approvals">How many different people must approve (≥ 1).</param>
    public static PolicyDecision NeedsApproval(string ruleId, string reason, int approvals = 1) => new() { Outcome = PolicyOutcome.NeedsApproval, RuleId = ruleId, Reason = reason, RequiredApprovals = approvals };

    /// <summary>The step is denied.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="reason">Why.</param>
    public static PolicyDecision Denied(string ruleId, string reason) => new() { Outcome = PolicyOutcome.Denied, RuleId = ruleId, Reason = reason };

    /// <summary>Why the decision is malformed, or null when it is well formed.</summary>
    public string? Malformation()
    {
        if (Outcome is not (PolicyOutcome.NotApplicable or PolicyOutcome.Automatic or PolicyOutcome.NeedsApproval or PolicyOutcome.Denied))
        {
            return $"its outcome ({(int)Outcome}) is not a defined outcome";
        }

        if (string.IsNullOrWhiteSpace(RuleId))
        {
            return "it names no rule id";
        }

        if (Outcome == PolicyOutcome.NeedsApproval && RequiredApprovals < 1)
        {
            return $"it needs approval from {RequiredApprovals} people (at least 1 is required)";
        }

        return null;
    }
}

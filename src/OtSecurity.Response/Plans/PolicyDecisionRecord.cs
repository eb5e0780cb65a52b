using OtSecurity.Response.Engine;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Plans;

/// <summary>How a policy failed, when it did.</summary>
public enum PolicyFailure
{
    /// <summary>The policy decided.</summary>
    None = 0,

    /// <summary>The policy threw an exception.</summary>
    Threw,

    /// <summary>The policy did not decide within the policy timeout.</summary>
    TimedOut,

    /// <summary>The policy returned no decision, or a malformed one.</summary>
    NoDecision,
}

/// <summary>One decision on a plan step, as recorded for audit: who decided, what, by which rule, and why.</summary>
public sealed record PolicyDecisionRecord
{
    /// <summary>The policy id (or <see cref="PolicyIds.Engine"/> / <see cref="PolicyIds.FailSafe"/> for the engine's own rules).</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's name.</summary>
    public required string PolicyName { get; init; }

    /// <summary>The outcome; null when the policy failed (see <see cref="Failure"/>).</summary>
    public PolicyOutcome? Outcome { get; init; }

    /// <summary>How the policy failed; <see cref="PolicyFailure.None"/> when it decided.</summary>
    public PolicyFailure Failure { get; init; }

    /// <summary>The verdict this decision contributes to the lattice; null when it contributes nothing (not applicable, or a failure ignored for a notification).</summary>
    public ResponseVerdict? Contribution { get; init; }

    /// <summary>The rule id.</summary>
    public required string RuleId { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>How many different people must approve, for a <see cref="ResponseVerdict.NeedsApproval"/> contribution.</summary>
    public int RequiredApprovals { get; init; }
}

using OtSecurity.Model;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Plans;

/// <summary>
/// One step of a response plan: the proposed action with its blast radius and expected downtime cost, the
/// verdict, every decision that led to it, and the approvals given so far.
/// </summary>
public sealed record ResponseStep
{
    /// <summary>The step id, unique in the plan ("action@kind:id").</summary>
    public required string Id { get; init; }

    /// <summary>The step's position in the plan, from 1.</summary>
    public required int Order { get; init; }

    /// <summary>The action id.</summary>
    public required string ActionId { get; init; }

    /// <summary>The action's name.</summary>
    public required string ActionName { get; init; }

    /// <summary>The action's phase.</summary>
    public required ActionPhase Phase { get; init; }

    /// <summary>The action's traits.</summary>
    public required ActionTraits Traits { get; init; }

    /// <summary>What the step acts on.</summary>
    public required ActionTarget Target { get; init; }

    /// <summary>The assets the step is restricted to.</summary>
    public EquatableArray<string> Scope { get; init; }

    /// <summary>The techniques that led to the step.</summary>
    public EquatableArray<string> Techniques { get; init; }

    /// <summary>Why the step is proposed.</summary>
    public required string Reason { get; init; }

    /// <summary>The verdict: automatic, needs approval or denied.</summary>
    public required ResponseVerdict Verdict { get; init; }

    /// <summary>How many different people must approve (0 unless <see cref="Verdict"/> is <see cref="ResponseVerdict.NeedsApproval"/>).</summary>
    public int RequiredApprovals { get; init; }

    /// <summary>The policies (and engine deciders) whose contribution set the verdict.</summary>
    public EquatableArray<string> DecidedBy { get; init; }

    /// <summary>The rule ids of those contributions.</summary>
    public EquatableArray<string> RuleIds { get; init; }

    /// <summary>Every decision, in evaluation order (engine, safety guards, then the policies by order).</summary>
    public EquatableArray<PolicyDecisionRecord> Decisions { get; init; }

    /// <summary>What the step would affect.</summary>
    public required ActionBlastRadius BlastRadius { get; init; }

    /// <summary>The expected hours of outage.</summary>
    public double ExpectedOutageHours { get; init; }

    /// <summary>The expected downtime cost; null when it could not be estimated.</summary>
    public DowntimeCostEstimate? ExpectedDowntimeCost { get; init; }

    /// <summary>Why the downtime cost could not be estimated; null when it was.</summary>
    public string? DowntimeCostError { get; init; }

    /// <summary>The ids of the steps that must complete before this one runs.</summary>
    public EquatableArray<string> DependsOn { get; init; }

    /// <summary>The approvals given so far.</summary>
    public EquatableArray<Approval> Approvals { get; init; }

    /// <summary>True when the step may run: automatic, or approved by enough different people.</summary>
    public bool IsCleared => Verdict == ResponseVerdict.Automatic
        || (Verdict == ResponseVerdict.NeedsApproval && RequiredApprovals > 0 && Approvals.Count >= RequiredApprovals);
}

using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Tests.Support;

/// <summary>A product policy that approves everything, and may even claim a guard's id.</summary>
public sealed class AlwaysApprovePolicy(string id = "always-approve", int order = -10_000) : IResponsePolicy
{
    public string Id => id;

    public string Name => "Approves everything";

    public int Order => order;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PolicyDecision.Automatic("ADV-001", "Approved by an adversarial policy."));
}

/// <summary>A policy with a fixed outcome.</summary>
public sealed class FixedPolicy(string id, PolicyDecision decision, int order = 500) : IResponsePolicy
{
    public string Id => id;

    public string Name => $"Fixed {decision.Outcome}";

    public int Order => order;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) => ValueTask.FromResult(decision);
}

/// <summary>A policy that throws.</summary>
public sealed class ThrowingPolicy : IResponsePolicy
{
    public string Id => "throws";

    public string Name => "Throws";

    public int Order => 0;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("policy bug");
}

/// <summary>A policy whose asynchronous evaluation faults.</summary>
public sealed class FaultingAsyncPolicy : IResponsePolicy
{
    public string Id => "faults-async";

    public string Name => "Faults asynchronously";

    public int Order => 0;

    public async ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new TimeoutException("backend unreachable");
    }
}

/// <summary>A policy that returns no decision.</summary>
public sealed class NullPolicy : IResponsePolicy
{
    public string Id => "returns-null";

    public string Name => "Returns null";

    public int Order => 0;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) => ValueTask.FromResult<PolicyDecision>(null!);
}

/// <summary>A policy that returns a malformed decision (an undefined outcome, no rule id, or zero approvals).</summary>
public sealed class MalformedPolicy(int variant) : IResponsePolicy
{
    public string Id => "malformed";

    public string Name => "Malformed";

    public int Order => 0;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) => ValueTask.FromResult(variant switch
    {
        0 => new PolicyDecision { Outcome = 0, RuleId = "X", Reason = "default outcome" },
        1 => new PolicyDecision { Outcome = (PolicyOutcome)99, RuleId = "X", Reason = "undefined outcome" },
        2 => PolicyDecision.Automatic(string.Empty, "no rule id"),
        _ => PolicyDecision.NeedsApproval("X", "zero approvals", 0),
    });
}

/// <summary>A policy that never answers (ignores cancellation).</summary>
public sealed class HangingPolicy : IResponsePolicy
{
    private readonly TaskCompletionSource<PolicyDecision> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id => "hangs";

    public string Name => "Hangs";

    public int Order => 0;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) => new(_never.Task);
}

/// <summary>A policy that blocks its thread for a while before approving.</summary>
public sealed class BlockingPolicy(TimeSpan block) : IResponsePolicy
{
    public string Id => "blocks";

    public string Name => "Blocks its thread";

    public int Order => 0;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        Thread.Sleep(block);
        return ValueTask.FromResult(PolicyDecision.Automatic("ADV-002", "Approved after blocking."));
    }
}

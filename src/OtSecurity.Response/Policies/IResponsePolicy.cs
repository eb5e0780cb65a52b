namespace OtSecurity.Response.Policies;

/// <summary>
/// A response policy: judges each proposed step. Register policies through DI
/// (<c>AddOtSecurityResponse().AddResponsePolicy&lt;T&gt;()</c>). The engine combines every policy's decision with
/// the lattice Denied &gt; NeedsApproval &gt; Automatic, so a policy can make a step stricter but never looser than
/// another policy made it. A policy that throws, does not answer within
/// <see cref="Engine.ResponseOptions.PolicyTimeout"/>, or returns no (or a malformed) decision denies the step
/// (the fail-safe). The safety guards (<see cref="SafetyInstrumentedSystemGuard"/>, <see cref="EmergencyStopGuard"/>)
/// are applied by the engine itself, whatever DI holds.
/// </summary>
public interface IResponsePolicy
{
    /// <summary>The policy id, for example "sis-guard"; it names the policy in plans.</summary>
    string Id { get; }

    /// <summary>The policy's name for people.</summary>
    string Name { get; }

    /// <summary>Where the policy is listed among a step's decisions (lower first; the built-in guards use negative values). It does not change verdicts: the combination is order-independent.</summary>
    int Order { get; }

    /// <summary>Judges one step.</summary>
    /// <param name="context">The step, the plan, the alert, the site and the time.</param>
    /// <param name="cancellationToken">Signalled when the policy's time is up.</param>
    ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken);
}

using OtSecurity.Model;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Plans;

/// <summary>
/// A step of a plan before the policies judge it: the proposal, the action's metadata, its closed blast radius
/// and its expected downtime cost. This is what every <see cref="Policies.IResponsePolicy"/> sees.
/// </summary>
public sealed record ProposedStep
{
    /// <summary>The step id, unique in the plan ("action@kind:id").</summary>
    public required string Id { get; init; }

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

    /// <summary>What the step would affect.</summary>
    public required ActionBlastRadius BlastRadius { get; init; }

    /// <summary>True when the blast radius could not be computed (the engine denies the step).</summary>
    public bool BlastRadiusFailed { get; init; }

    /// <summary>The expected hours of outage.</summary>
    public required double ExpectedOutageHours { get; init; }

    /// <summary>The expected downtime cost; null when it could not be estimated (<see cref="DowntimeCostError"/> says why).</summary>
    public DowntimeCostEstimate? ExpectedDowntimeCost { get; init; }

    /// <summary>Why the downtime cost could not be estimated; null when it was.</summary>
    public string? DowntimeCostError { get; init; }

    /// <summary>The ids of the steps that must complete before this one runs (evidence before restoration).</summary>
    public EquatableArray<string> DependsOn { get; init; }

    /// <summary>True when the step has a trait.</summary>
    /// <param name="trait">The trait.</param>
    public bool Has(ActionTraits trait) => (Traits & trait) == trait && trait != ActionTraits.None;
}

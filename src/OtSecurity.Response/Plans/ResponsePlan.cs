using OtSecurity.Model;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Plans;

/// <summary>
/// The response plan for an alert at a site: the proposed steps in order, each with its verdict, the decisions
/// behind it, its blast radius and its expected downtime cost. The same alert, site, catalog, policies, options
/// and time always give the same plan. Serialize it with <see cref="ResponsePlanJson"/> for audit.
/// </summary>
public sealed record ResponsePlan
{
    /// <summary>The plan id: "plan-{alert id}-{time, UTC, yyyyMMddTHHmmssfffZ}".</summary>
    public required string Id { get; init; }

    /// <summary>The alert id (empty when the engine refused for want of an alert).</summary>
    public required string AlertId { get; init; }

    /// <summary>The site name (empty when the engine refused for want of a site).</summary>
    public required string SiteName { get; init; }

    /// <summary>When the plan was made (from the engine's TimeProvider).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True for a dry run: the executor runs nothing from this plan.</summary>
    public bool DryRun { get; init; }

    /// <summary>True when the engine refused to plan (no alert, no site, or a site that cannot be read); <see cref="Findings"/> says why.</summary>
    public bool Refused { get; init; }

    /// <summary>The steps, in order.</summary>
    public EquatableArray<ResponseStep> Steps { get; init; }

    /// <summary>What the reader should know about the input.</summary>
    public EquatableArray<PlanFinding> Findings { get; init; }

    /// <summary>The number of steps with each verdict.</summary>
    public int Count(ResponseVerdict verdict) => Steps.Count(s => s.Verdict == verdict);

    /// <summary>The step with id <paramref name="stepId"/>, or null.</summary>
    /// <param name="stepId">A step id.</param>
    public ResponseStep? FindStep(string stepId) => Steps.FirstOrDefault(s => string.Equals(s.Id, stepId, StringComparison.Ordinal));
}

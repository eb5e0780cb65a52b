using OtSecurity.Model.Alerts;
using OtSecurity.Model.Sites;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Policies;

/// <summary>What a policy sees when it judges one step: the step, the whole proposed plan, the alert, the site and the time.</summary>
public sealed class PolicyContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="graph">The site graph.</param>
    /// <param name="plan">Every proposed step, in plan order.</param>
    /// <param name="stepIndex">The index of the step being judged in <paramref name="plan"/>.</param>
    /// <param name="now">The time of the decision (from the engine's TimeProvider).</param>
    /// <param name="options">The response options.</param>
    /// <param name="dryRun">True when the plan is a dry run.</param>
    public PolicyContext(Alert alert, SiteGraph graph, IReadOnlyList<ProposedStep> plan, int stepIndex, DateTimeOffset now, ResponseOptions options, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stepIndex, plan.Count);
        Alert = alert;
        Graph = graph;
        Plan = plan;
        StepIndex = stepIndex;
        Now = now;
        Options = options;
        DryRun = dryRun;
    }

    /// <summary>The alert.</summary>
    public Alert Alert { get; }

    /// <summary>The site graph.</summary>
    public SiteGraph Graph { get; }

    /// <summary>The site model.</summary>
    public SiteModel Site => Graph.Site;

    /// <summary>Every proposed step, in plan order.</summary>
    public IReadOnlyList<ProposedStep> Plan { get; }

    /// <summary>The index of <see cref="Step"/> in <see cref="Plan"/>.</summary>
    public int StepIndex { get; }

    /// <summary>The step being judged.</summary>
    public ProposedStep Step => Plan[StepIndex];

    /// <summary>The time of the decision.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The response options.</summary>
    public ResponseOptions Options { get; }

    /// <summary>True when the plan is a dry run.</summary>
    public bool DryRun { get; }
}

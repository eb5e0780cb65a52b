using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OtSecurity.Model;
using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Engine;

/// <summary>What happened to a step when a plan was executed.</summary>
public enum StepExecutionStatus
{
    /// <summary>The effector ran and succeeded.</summary>
    Executed = 0,

    /// <summary>The plan is a dry run: the step would have run.</summary>
    WouldExecute,

    /// <summary>The step is denied.</summary>
    SkippedDenied,

    /// <summary>The step needs approvals it does not have.</summary>
    SkippedAwaitingApproval,

    /// <summary>A step it depends on did not run.</summary>
    SkippedDependency,

    /// <summary>No effector is registered for the action.</summary>
    SkippedNoEffector,

    /// <summary>The plan is older than <see cref="ResponseOptions.PlanLifetime"/>: make it again.</summary>
    SkippedStale,

    /// <summary>The plan was refused: there is nothing to run.</summary>
    SkippedRefused,

    /// <summary>The effector failed.</summary>
    Failed,
}

/// <summary>The outcome of one step.</summary>
/// <param name="StepId">The step id.</param>
/// <param name="Status">What happened.</param>
/// <param name="Detail">What the effector said, or why the step was skipped.</param>
/// <param name="At">When (from the executor's TimeProvider).</param>
public sealed record StepExecution(string StepId, StepExecutionStatus Status, string Detail, DateTimeOffset At);

/// <summary>The outcome of executing a plan.</summary>
/// <param name="PlanId">The plan id.</param>
/// <param name="DryRun">True when the plan was a dry run.</param>
/// <param name="Steps">Each step's outcome, in plan order.</param>
public sealed record ExecutionReport(string PlanId, bool DryRun, EquatableArray<StepExecution> Steps);

/// <summary>
/// Executes a plan: runs each cleared step (automatic, or approved by enough people) through the effector
/// registered for its action, in plan order, after the steps it depends on; skips the rest and says why. A dry-run
/// plan runs nothing. A plan older than <see cref="ResponseOptions.PlanLifetime"/> runs nothing (the site may have
/// changed, a maintenance window may have closed): make it again.
/// </summary>
public sealed class ResponseExecutor
{
    private readonly Dictionary<string, IResponseEffector[]> _effectors;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ILogger _logger;

    /// <summary>Creates the executor.</summary>
    /// <param name="effectors">The effectors; several for one action run in registration order.</param>
    /// <param name="options">The options (plan lifetime).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public ResponseExecutor(IEnumerable<IResponseEffector> effectors, IOptions<ResponseOptions> options, TimeProvider timeProvider, ILogger<ResponseExecutor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(effectors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _effectors = effectors.Where(static e => e?.ActionId is not null)
            .GroupBy(static e => e.ActionId, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.ToArray(), StringComparer.Ordinal);
        _lifetime = options.Value.PlanLifetime;
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Executes a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels the execution (steps not yet run are not run).</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Effectors are product code: a failing effector is reported, its dependants are skipped.")]
    public async Task<ExecutionReport> ExecuteAsync(ResponsePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<StepExecution>(plan.Steps.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        bool stale = _time.GetUtcNow() - plan.CreatedAt > _lifetime;
        foreach (ResponseStep step in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (StepExecutionStatus status, string detail) = Decide(plan, step, stale, done);
            if (status == StepExecutionStatus.Executed)
            {
                try
                {
                    var said = new List<string>();
                    foreach (IResponseEffector effector in _effectors[step.ActionId])
                    {
                        said.Add(await effector.ExecuteAsync(plan, step, cancellationToken).ConfigureAwait(false) ?? string.Empty);
                    }

                    detail = string.Join("; ", said);
                    done.Add(step.Id);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    status = StepExecutionStatus.Failed;
                    detail = $"{ex.GetType().Name}: {ex.Message}";
                }
            }

            results.Add(new StepExecution(step.Id, status, detail, _time.GetUtcNow()));
            ResponseMetrics.Executions.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));
            string suffix = detail.Length == 0 ? string.Empty : ": " + detail;
            ResponseLog.StepExecuted(_logger, step.Id, plan.Id, status, suffix);
        }

        return new ExecutionReport(plan.Id, plan.DryRun, [.. results]);
    }

    private (StepExecutionStatus, string) Decide(ResponsePlan plan, ResponseStep step, bool stale, HashSet<string> done)
    {
        if (plan.Refused)
        {
            return (StepExecutionStatus.SkippedRefused, "the plan was refused");
        }

        if (step.Verdict == ResponseVerdict.Denied)
        {
            return (StepExecutionStatus.SkippedDenied, $"denied by {string.Join(", ", step.DecidedBy)} ({string.Join(", ", step.RuleIds)})");
        }

        if (!step.IsCleared)
        {
            return (StepExecutionStatus.SkippedAwaitingApproval, $"{step.Approvals.Count} of {step.RequiredApprovals} approvals");
        }

        if (stale)
        {
            return (StepExecutionStatus.SkippedStale, $"the plan was made at {plan.CreatedAt:O}, more than {_lifetime} ago; make it again");
        }

        string[] missing = [.. step.DependsOn.Where(d => !done.Contains(d))];
        if (plan.DryRun)
        {
            return (StepExecutionStatus.WouldExecute, missing.Length == 0 ? "dry run" : $"dry run; would wait for {string.Join(", ", missing)}");
        }

        if (missing.Length > 0)
        {
            return (StepExecutionStatus.SkippedDependency, $"{string.Join(", ", missing)} did not run");
        }

        return _effectors.ContainsKey(step.ActionId)
            ? (StepExecutionStatus.Executed, string.Empty)
            : (StepExecutionStatus.SkippedNoEffector, $"no effector is registered for {step.ActionId}");
    }
}

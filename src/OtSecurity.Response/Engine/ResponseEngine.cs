using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Engine;

/// <summary>
/// The response policy engine: for an alert and a site it proposes actions from the catalog, computes each one's
/// blast radius and expected downtime cost, runs it through the safety guards and every registered policy, and
/// returns a deterministic plan. It never throws on bad input (a missing alert or site, unknown ids, a broken
/// action or policy): it says in the plan why it refused or denied. Thread-safe.
/// </summary>
/// <remarks>
/// The verdict of a step is the highest contribution in the lattice Automatic &lt; NeedsApproval &lt; Denied. The
/// safety guards (<see cref="SafetyInstrumentedSystemGuard"/>, <see cref="EmergencyStopGuard"/>) are the engine's
/// own instances, applied to every step whatever the DI registrations hold (instances of their types found among
/// the registered policies are not run twice). A policy that throws, does not decide within
/// <see cref="ResponseOptions.PolicyTimeout"/>, or returns no or a malformed decision contributes Denied (the
/// fail-safe), except on a notification whose blast radius is empty.
/// </remarks>
public sealed partial class ResponseEngine
{
    private readonly ResponseOptions _options;
    private readonly IResponseAction[] _actions;
    private readonly Dictionary<string, int> _actionIndex = new(StringComparer.Ordinal);
    private readonly (IResponsePolicy Policy, bool Trusted)[] _evaluators;
    private readonly IDowntimeCostEstimator _estimator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PlanFinding[] _catalogFindings;

    /// <summary>Creates the engine (the constructor DI uses; see also <see cref="Create"/>).</summary>
    /// <param name="options">The options (validated; copied).</param>
    /// <param name="actions">The action catalog, in catalog order; the first action of an id wins.</param>
    /// <param name="policies">The registered policies (safety guards are added by the engine regardless).</param>
    /// <param name="estimator">The downtime cost estimator.</param>
    /// <param name="timeProvider">The clock for decisions and approvals.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ResponseEngine(
        IOptions<ResponseOptions> options,
        IEnumerable<IResponseAction> actions,
        IEnumerable<IResponsePolicy> policies,
        IDowntimeCostEstimator estimator,
        TimeProvider timeProvider,
        ILogger<ResponseEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ResponseOptions value = options.Value ?? throw new ArgumentException("The options have no value.", nameof(options));
        ValidateOptionsResult validation = new ResponseOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(ResponseOptions), validation.Failures);
        }

        _options = value.Clone();
        _estimator = estimator;
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        var findings = new List<PlanFinding>();
        var catalog = new List<IResponseAction>();
        foreach (IResponseAction? action in actions)
        {
            if (action is null)
            {
                continue;
            }

            string? id = SafeGet(() => action.Id);
            if (string.IsNullOrWhiteSpace(id))
            {
                findings.Add(new PlanFinding(ResponseRules.ProposalProblem.Id, $"The action {action.GetType().Name} has no id; it is left out of the catalog."));
            }
            else if (!_actionIndex.TryAdd(id, catalog.Count))
            {
                findings.Add(new PlanFinding(ResponseRules.ProposalProblem.Id, $"Two actions share the id '{id}' ({catalog[_actionIndex[id]].GetType().Name} and {action.GetType().Name}); the first registered is used."));
            }
            else
            {
                catalog.Add(action);
            }
        }

        _actions = [.. catalog];
        _catalogFindings = [.. findings];

        // The safety guards are the engine's own; registered instances of their types are not run twice.
        IResponsePolicy[] guards = [.. BuiltInPolicies.CreateSafetyGuards()];
        IResponsePolicy[] others = [.. policies
            .Where(static p => p is not null and not SafetyInstrumentedSystemGuard and not EmergencyStopGuard)
            .Select(static (p, i) => (Policy: p, Index: i, Order: SafeGet(() => p.Order)))
            .OrderBy(static x => x.Order)
            .ThenBy(static x => x.Index)
            .Select(static x => x.Policy)];
        _evaluators = [.. guards.Select(static g => (g, true)), .. others.Select(static p => (p, IsTrusted(p)))];
    }

    /// <summary>The action catalog, in catalog order.</summary>
    public IReadOnlyList<IResponseAction> Actions => _actions;

    /// <summary>Every policy the engine applies, in evaluation order: the safety guards first.</summary>
    public IReadOnlyList<IResponsePolicy> Policies => [.. _evaluators.Select(static e => e.Policy)];

    /// <summary>A copy of the options in force.</summary>
    public ResponseOptions Options => _options.Clone();

    /// <summary>
    /// Creates an engine without DI: the built-in actions and policies plus any given, the safety guards always.
    /// </summary>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="estimator">The downtime cost estimator; OtSecurity.Risk's downtime cost model with its default assumptions when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="additionalActions">Actions to add after the built-in ones.</param>
    /// <param name="additionalPolicies">Policies to add to the built-in ones.</param>
    /// <param name="logger">The logger.</param>
    public static ResponseEngine Create(
        ResponseOptions? options = null,
        IDowntimeCostEstimator? estimator = null,
        TimeProvider? timeProvider = null,
        IEnumerable<IResponseAction>? additionalActions = null,
        IEnumerable<IResponsePolicy>? additionalPolicies = null,
        ILogger<ResponseEngine>? logger = null) =>
        new(
            Microsoft.Extensions.Options.Options.Create(options ?? new ResponseOptions()),
            [.. BuiltInActions.Create(), .. additionalActions ?? []],
            [.. BuiltInPolicies.CreateDefaults(), .. additionalPolicies ?? []],
            estimator ?? new RiskDowntimeCostEstimator(),
            timeProvider ?? TimeProvider.System,
            logger);

    /// <summary>
    /// Proposes and judges the response to <paramref name="alert"/> at <paramref name="site"/>. Never throws on bad
    /// input: a missing alert or site gives a refused plan that says why.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <param name="site">The site model.</param>
    /// <param name="dryRun">True for a dry run: the plan is made the same way but the executor runs nothing from it.</param>
    /// <param name="cancellationToken">Cancels planning.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ResponsePlan> PlanAsync(Alert? alert, SiteModel? site, bool dryRun = false, CancellationToken cancellationToken = default) =>
        BuildAsync(alert, site, null, dryRun, cancellationToken);

    /// <summary>
    /// Judges a given set of proposals (from the catalog or elsewhere) for <paramref name="alert"/> at
    /// <paramref name="site"/>, exactly as <see cref="PlanAsync"/> judges its own. Proposals naming an action the
    /// catalog does not hold are denied.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <param name="site">The site model.</param>
    /// <param name="proposals">The proposals.</param>
    /// <param name="dryRun">True for a dry run.</param>
    /// <param name="cancellationToken">Cancels planning.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ResponsePlan> EvaluateAsync(Alert? alert, SiteModel? site, IEnumerable<ActionProposal>? proposals, bool dryRun = false, CancellationToken cancellationToken = default) =>
        BuildAsync(alert, site, proposals ?? [], dryRun, cancellationToken);

    /// <summary>
    /// Records a person's approval of a step that needs approval (who, and when from the engine's clock). Denied
    /// steps cannot be approved; two-person approval needs two different people.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="stepId">The step id.</param>
    /// <param name="approver">Who approves.</param>
    /// <param name="comment">What the approver says; optional.</param>
    public ApprovalResult Approve(ResponsePlan plan, string stepId, string approver, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.FindStep(stepId) is not { } step)
        {
            return ApprovalResult.Rejected(plan, $"Plan {plan.Id} has no step '{stepId}'.");
        }

        if (string.IsNullOrWhiteSpace(approver))
        {
            return ApprovalResult.Rejected(plan, "An approval must name the person who approves.");
        }

        switch (step.Verdict)
        {
            case ResponseVerdict.Denied:
                return ApprovalResult.Rejected(plan, $"Step {step.Id} is denied by {string.Join(", ", step.DecidedBy)} ({string.Join(", ", step.RuleIds)}); no approval can override a denial.");
            case ResponseVerdict.Automatic:
                return ApprovalResult.Rejected(plan, $"Step {step.Id} runs automatically and needs no approval.");
        }

        if (step.IsCleared)
        {
            return ApprovalResult.Rejected(plan, $"Step {step.Id} already has the {step.RequiredApprovals} approval(s) it needs.");
        }

        string who = approver.Trim();
        if (step.Approvals.Any(a => string.Equals(a.Approver, who, StringComparison.OrdinalIgnoreCase)))
        {
            return ApprovalResult.Rejected(plan, $"{who} has already approved step {step.Id}; {(step.RequiredApprovals > 1 ? "two-person approval needs a different person" : "one approval per person")}.");
        }

        ResponseStep approved = step with { Approvals = step.Approvals.Add(new Approval { Approver = who, At = _time.GetUtcNow(), Comment = comment }) };
        ResponsePlan updated = plan with { Steps = [.. plan.Steps.Select(s => ReferenceEquals(s, step) ? approved : s)] };
        ResponseLog.StepApproved(_logger, step.Id, plan.Id, who, approved.Approvals.Count, step.RequiredApprovals);
        return ApprovalResult.Accepted(updated, approved.IsCleared
            ? $"Step {step.Id} is approved ({approved.Approvals.Count} of {step.RequiredApprovals}) and may run."
            : $"Step {step.Id} has {approved.Approvals.Count} of {step.RequiredApprovals} approvals; it needs another person.");
    }

    private static bool IsTrusted(IResponsePolicy policy) =>
        policy is HumanFactorsPolicy or ProductionImpactPolicy or MaintenanceWindowPolicy or EvidenceBeforeRestorationPolicy;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Product code is untrusted: a failing getter must not break the engine.")]
    private static T? SafeGet<T>(Func<T> get)
    {
        try
        {
            return get();
        }
        catch (Exception)
        {
            return default;
        }
    }
}

/// <summary>The result of <see cref="ResponseEngine.Approve"/>.</summary>
/// <param name="IsAccepted">True when the approval was recorded.</param>
/// <param name="Plan">The plan with the approval recorded, or the unchanged plan.</param>
/// <param name="Message">What happened, in words.</param>
public sealed record ApprovalResult(bool IsAccepted, ResponsePlan Plan, string Message)
{
    internal static ApprovalResult Accepted(ResponsePlan plan, string message) => new(true, plan, message);

    internal static ApprovalResult Rejected(ResponsePlan plan, string message) => new(false, plan, message);
}

using OtSecurity.Model.Alerts;
using OtSecurity.Model.Validation;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Engine;

public sealed partial class ResponseEngine
{
    private async Task<ResponseStep[]> JudgeAsync(Alert alert, SiteGraph graph, ProposedStep[] steps, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        int width = _evaluators.Length;
        var tasks = new Task<PolicyDecision>[steps.Length * width];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (int s = 0; s < steps.Length; s++)
        {
            var context = new PolicyContext(alert, graph, steps, s, now, _options, dryRun);
            for (int p = 0; p < width; p++)
            {
                tasks[(s * width) + p] = Start(_evaluators[p].Policy, _evaluators[p].Trusted, context, _options.PolicyTimeout, deadline.Token);
            }
        }

        if (!tasks.All(static t => t.IsCompleted))
        {
            using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = Task.Delay(_options.PolicyTimeout, delayCancel.Token);
            await Task.WhenAny(Task.WhenAll(tasks), delay).ConfigureAwait(false);
            await delayCancel.CancelAsync().ConfigureAwait(false);
            await deadline.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            foreach (Task<PolicyDecision> late in tasks.Where(static t => !t.IsCompleted))
            {
                // Observe failures that arrive after the deadline so they never surface as unobserved exceptions.
                _ = late.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        bool invalidSite = graph.StructuralErrors.Any();
        var judged = new ResponseStep[steps.Length];
        for (int s = 0; s < steps.Length; s++)
        {
            var records = new List<PolicyDecisionRecord>(width + 2);
            records.AddRange(EngineRecords(steps[s], invalidSite));
            for (int p = 0; p < width; p++)
            {
                records.Add(Record(_evaluators[p].Policy, steps[s], tasks[(s * width) + p]));
            }

            judged[s] = Combine(steps[s], s + 1, records);
        }

        return ApplyDependencies(judged);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The fail-safe: any failure of a policy denies the step.")]
    private static Task<PolicyDecision> Start(IResponsePolicy policy, bool trusted, PolicyContext context, TimeSpan timeout, CancellationToken token)
    {
        if (!trusted)
        {
            // Product policies run on the thread pool, so one that blocks cannot hold the engine past the timeout;
            // a decision that took longer than the timeout counts as none, even if the engine's own wait was late
            // (a starved thread pool delays the engine's timer as much as the policies).
            return Task.Run(
                async () =>
                {
                    long started = System.Diagnostics.Stopwatch.GetTimestamp();
                    PolicyDecision decision = await policy.EvaluateAsync(context, token).ConfigureAwait(false);
                    TimeSpan took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    return took > timeout ? throw new PolicyTimedOutException(took) : decision;
                },
                token);
        }

        try
        {
            ValueTask<PolicyDecision> pending = policy.EvaluateAsync(context, token);
            return pending.IsCompletedSuccessfully ? Task.FromResult(pending.Result) : pending.AsTask();
        }
        catch (Exception ex)
        {
            return Task.FromException<PolicyDecision>(ex);
        }
    }

    private static IEnumerable<PolicyDecisionRecord> EngineRecords(ProposedStep step, bool invalidSite)
    {
        const string Name = "Response engine";
        bool any = false;
        if (step.BlastRadiusFailed && step.BlastRadius.UnknownReferences.Any(static u => u.StartsWith("action:", StringComparison.Ordinal)))
        {
            any = true;
            yield return EngineRecord(Name, ResponseRules.UnknownAction, ResponseVerdict.Denied, $"The catalog holds no action '{step.ActionId}'.");
        }
        else if (step.BlastRadiusFailed)
        {
            any = true;
            yield return EngineRecord(Name, ResponseRules.RadiusFailed, ResponseVerdict.Denied, string.Join(" ", step.BlastRadius.Notes));
        }

        if (step.Has(ActionTraits.NeverAutomatic))
        {
            any = true;
            yield return EngineRecord(Name, ResponseRules.NeverAutomatic, ResponseVerdict.NeedsApproval, $"{step.ActionName} is never automatic: a person must approve it.");
        }

        if (invalidSite && TouchesPlant(step.BlastRadius))
        {
            any = true;
            yield return EngineRecord(Name, ResponseRules.InvalidSite, ResponseVerdict.NeedsApproval, "The site model has structural validation errors (ids, zone membership, conduit ends), so this blast radius may be incomplete; a person must check it.");
        }

        if (!any)
        {
            yield return EngineRecord(Name, ResponseRules.EngineDefault, ResponseVerdict.Automatic, "No engine rule objects.");
        }
    }

    private static PolicyDecisionRecord EngineRecord(string name, ResponseRule rule, ResponseVerdict verdict, string reason) => new()
    {
        PolicyId = PolicyIds.Engine,
        PolicyName = name,
        Outcome = verdict switch
        {
            ResponseVerdict.Denied => PolicyOutcome.Denied,
            ResponseVerdict.NeedsApproval => PolicyOutcome.NeedsApproval,
            _ => PolicyOutcome.Automatic,
        },
        Contribution = verdict,
        RuleId = rule.Id,
        Reason = reason,
        RequiredApprovals = verdict == ResponseVerdict.NeedsApproval ? 1 : 0,
    };

    private static bool TouchesPlant(ActionBlastRadius radius) =>
        radius.Effect >= ProcessEffect.InterruptsCommunication || !radius.Assets.IsEmpty || !radius.Conduits.IsEmpty
        || !radius.UnknownReferences.IsEmpty || radius.RemovesOperatorView || radius.RemovesOperatorControl || radius.DelaysTraffic;

    private PolicyDecisionRecord Record(IResponsePolicy policy, ProposedStep step, Task<PolicyDecision> task)
    {
        string id = SafeGet(() => policy.Id) is { Length: > 0 } pid ? pid : policy.GetType().Name;
        string name = SafeGet(() => policy.Name) ?? id;
        (PolicyFailure failure, ResponseRule rule, string reason) = task.Status switch
        {
            TaskStatus.RanToCompletion when task.Result is null => (PolicyFailure.NoDecision, ResponseRules.PolicyNoDecision, "the policy returned no decision"),
            TaskStatus.RanToCompletion when task.Result.Malformation() is { } why => (PolicyFailure.NoDecision, ResponseRules.PolicyNoDecision, $"the decision is malformed: {why}"),
            TaskStatus.RanToCompletion => (PolicyFailure.None, ResponseRules.EngineDefault, string.Empty),
            TaskStatus.Faulted when task.Exception?.InnerException is PolicyTimedOutException late => (PolicyFailure.TimedOut, ResponseRules.PolicyTimedOut, $"the policy took {late.Took.TotalMilliseconds:0} ms, more than the {_options.PolicyTimeout.TotalMilliseconds:0} ms allowed"),
            TaskStatus.Faulted => (PolicyFailure.Threw, ResponseRules.PolicyThrew, $"the policy threw {Describe(task.Exception)}"),
            _ => (PolicyFailure.TimedOut, ResponseRules.PolicyTimedOut, $"the policy did not decide within {_options.PolicyTimeout.TotalMilliseconds:0} ms"),
        };

        if (failure == PolicyFailure.None && task.Result is { } decision)
        {
            return new PolicyDecisionRecord
            {
                PolicyId = id,
                PolicyName = name,
                Outcome = decision.Outcome,
                Contribution = decision.Outcome switch
                {
                    PolicyOutcome.Automatic => ResponseVerdict.Automatic,
                    PolicyOutcome.NeedsApproval => ResponseVerdict.NeedsApproval,
                    PolicyOutcome.Denied => ResponseVerdict.Denied,
                    _ => null,
                },
                RuleId = decision.RuleId,
                Reason = decision.Reason ?? string.Empty,
                RequiredApprovals = decision.Outcome == PolicyOutcome.NeedsApproval ? decision.RequiredApprovals : 0,
            };
        }

        ResponseMetrics.PolicyFailures.Add(1, new KeyValuePair<string, object?>("policy", id), new KeyValuePair<string, object?>("failure", failure.ToString()));
        bool exempt = step.Has(ActionTraits.NotificationOnly) && step.BlastRadius.IsEmpty && !step.BlastRadiusFailed;
        if (!exempt)
        {
            ResponseLog.PolicyFailed(_logger, id, step.Id, failure.ToString(), reason);
        }

        return new PolicyDecisionRecord
        {
            PolicyId = id,
            PolicyName = name,
            Failure = failure,
            Contribution = exempt ? null : ResponseVerdict.Denied,
            RuleId = rule.Id,
            Reason = exempt
                ? $"Policy {id} failed ({reason}); the fail-safe keeps this notification allowed because it touches nothing, so the failure can be reported."
                : $"Policy {id} failed ({reason}); the fail-safe denies the step.",
        };
    }

    private static string Describe(AggregateException? exception)
    {
        Exception? inner = exception?.InnerExceptions.Count == 1 ? exception.InnerException : exception;
        return inner is null ? "an unknown exception" : $"{inner.GetType().Name}: {inner.Message}";
    }

    private static ResponseStep Combine(ProposedStep step, int order, List<PolicyDecisionRecord> records)
    {
        PolicyDecisionRecord[] contributing = [.. records.Where(static r => r.Contribution is not null)];
        ResponseVerdict verdict = contributing.Length == 0 ? ResponseVerdict.Automatic : contributing.Max(static r => r.Contribution!.Value);
        PolicyDecisionRecord[] deciders = [.. contributing.Where(r => r.Contribution == verdict)];
        int approvals = verdict == ResponseVerdict.NeedsApproval ? Math.Max(1, deciders.Max(static r => r.RequiredApprovals)) : 0;
        return new ResponseStep
        {
            Id = step.Id,
            Order = order,
            ActionId = step.ActionId,
            ActionName = step.ActionName,
            Phase = step.Phase,
            Traits = step.Traits,
            Target = step.Target,
            Scope = step.Scope,
            Techniques = step.Techniques,
            Reason = step.Reason,
            Verdict = verdict,
            RequiredApprovals = approvals,
            DecidedBy = [.. deciders.Select(static r => r.PolicyId).Distinct(StringComparer.Ordinal)],
            RuleIds = [.. deciders.Select(static r => r.RuleId).Distinct(StringComparer.Ordinal)],
            Decisions = [.. records],
            BlastRadius = step.BlastRadius,
            ExpectedOutageHours = step.ExpectedOutageHours,
            ExpectedDowntimeCost = step.ExpectedDowntimeCost,
            DowntimeCostError = step.DowntimeCostError,
            DependsOn = step.DependsOn,
        };
    }

    /// <summary>A step waits for its evidence steps: denied evidence denies it, evidence awaiting approval makes it wait too.</summary>
    private static ResponseStep[] ApplyDependencies(ResponseStep[] steps)
    {
        var byId = steps.ToDictionary(static s => s.Id, StringComparer.Ordinal);
        for (int i = 0; i < steps.Length; i++)
        {
            ResponseStep step = steps[i];
            ResponseStep[] dependencies = [.. step.DependsOn.Select(id => byId.GetValueOrDefault(id)).OfType<ResponseStep>()];
            string[] denied = [.. dependencies.Where(static d => d.Verdict == ResponseVerdict.Denied).Select(static d => d.Id)];
            string[] pending = [.. dependencies.Where(static d => d.Verdict == ResponseVerdict.NeedsApproval).Select(static d => d.Id)];
            PolicyDecisionRecord? record = null;
            if (denied.Length > 0)
            {
                record = EngineRecord("Response engine", ResponseRules.EvidenceMissing, ResponseVerdict.Denied, $"The evidence step(s) {string.Join(", ", denied)} are denied; restoring would overwrite evidence no step can keep.");
            }
            else if (pending.Length > 0)
            {
                record = EngineRecord("Response engine", ResponseRules.EvidencePending, ResponseVerdict.NeedsApproval, $"The evidence step(s) {string.Join(", ", pending)} await approval; this step waits for them.");
            }

            if (record is not null)
            {
                var records = step.Decisions.ToList();
                records.Add(record);
                ResponseStep recombined = Combine(Unjudge(step), step.Order, records) with { Approvals = step.Approvals };
                steps[i] = recombined;
                byId[step.Id] = recombined;
            }
        }

        return steps;
    }

    private static ProposedStep Unjudge(ResponseStep step) => new()
    {
        Id = step.Id,
        ActionId = step.ActionId,
        ActionName = step.ActionName,
        Phase = step.Phase,
        Traits = step.Traits,
        Target = step.Target,
        Scope = step.Scope,
        Techniques = step.Techniques,
        Reason = step.Reason,
        BlastRadius = step.BlastRadius,
        ExpectedOutageHours = step.ExpectedOutageHours,
        ExpectedDowntimeCost = step.ExpectedDowntimeCost,
        DowntimeCostError = step.DowntimeCostError,
        DependsOn = step.DependsOn,
    };
}

/// <summary>A policy answered, but later than the policy timeout: its decision is not used.</summary>
internal sealed class PolicyTimedOutException(TimeSpan took) : Exception($"The policy took {took.TotalMilliseconds:0} ms.")
{
    public TimeSpan Took { get; } = took;
}

using System.Globalization;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Attack;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Engine;

public sealed partial class ResponseEngine
{
    private async Task<ResponsePlan> BuildAsync(Alert? alert, SiteModel? site, IEnumerable<ActionProposal>? given, bool dryRun, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DateTimeOffset now = _time.GetUtcNow();
        var findings = new List<PlanFinding>(_catalogFindings);
        if (alert is null || site is null)
        {
            return Refuse(alert, site, now, dryRun, findings, alert is null ? "No alert was given." : "No site model was given.");
        }

        SiteGraph graph;
        ProposalContext context;
        try
        {
            graph = SiteGraph.Build(site);
            context = new ProposalContext(alert, graph, _options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NullReferenceException or KeyNotFoundException)
        {
            return Refuse(alert, site, now, dryRun, findings, $"The site model or the alert cannot be read ({ex.GetType().Name}: {ex.Message}).");
        }

        CheckInput(alert, graph, findings);
        List<(ActionProposal Proposal, int Source)> proposals = given is null ? Propose(context, findings) : [.. given.Where(static p => p is not null).Select(static (p, i) => (p, i))];
        ProposedStep[] steps = Draft(proposals, graph, findings);
        ResponseStep[] judged = await JudgeAsync(alert, graph, steps, now, dryRun, cancellationToken).ConfigureAwait(false);

        var plan = new ResponsePlan
        {
            Id = PlanId(alert.Id, now),
            AlertId = alert.Id ?? string.Empty,
            SiteName = site.Name ?? string.Empty,
            CreatedAt = now,
            DryRun = dryRun,
            Steps = judged,
            Findings = [.. findings],
        };
        ResponseMetrics.Plans.Add(1, new KeyValuePair<string, object?>("refused", false));
        foreach (ResponseStep step in judged)
        {
            ResponseMetrics.Steps.Add(1, new KeyValuePair<string, object?>("verdict", step.Verdict.ToString()));
        }

        int automatic = plan.Count(ResponseVerdict.Automatic), approval = plan.Count(ResponseVerdict.NeedsApproval), denied = plan.Count(ResponseVerdict.Denied);
        ResponseLog.PlanCreated(_logger, plan.Id, plan.AlertId, plan.SiteName, judged.Length, automatic, approval, denied, dryRun ? " (dry run)" : string.Empty);
        return plan;
    }

    private ResponsePlan Refuse(Alert? alert, SiteModel? site, DateTimeOffset now, bool dryRun, List<PlanFinding> findings, string reason)
    {
        findings.Add(new PlanFinding(ResponseRules.Unplannable.Id, reason));
        ResponseMetrics.Plans.Add(1, new KeyValuePair<string, object?>("refused", true));
        ResponseLog.PlanRefused(_logger, reason);
        return new ResponsePlan
        {
            Id = PlanId(alert?.Id, now),
            AlertId = alert?.Id ?? string.Empty,
            SiteName = site?.Name ?? string.Empty,
            CreatedAt = now,
            DryRun = dryRun,
            Refused = true,
            Findings = [.. findings],
        };
    }

    private static string PlanId(string? alertId, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"plan-{alertId}-{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}");

    private static void CheckInput(Alert alert, SiteGraph graph, List<PlanFinding> findings)
    {
        foreach (string? id in alert.AffectedAssets.Distinct(StringComparer.Ordinal))
        {
            if (graph.FindAsset(id) is null)
            {
                findings.Add(new PlanFinding(ResponseRules.UnknownAsset.Id, $"Alert {alert.Id} names asset '{id}', which site {graph.Site.Name} does not hold; no step targets it."));
            }
        }

        foreach (string? id in alert.Techniques.Distinct(StringComparer.Ordinal))
        {
            if (!AttackForIcsCatalog.TryGet(id, out _))
            {
                findings.Add(new PlanFinding(ResponseRules.UnknownTechnique.Id, $"Alert {alert.Id} names technique '{id}', which the ATT&CK for ICS catalog does not hold; it selects no action."));
            }
        }

        ValidationFinding[] errors = [.. graph.StructuralErrors];
        if (errors.Length > 0)
        {
            findings.Add(new PlanFinding(ResponseRules.InvalidSite.Id, $"Site {graph.Site.Name} has {errors.Length} structural validation error(s) (ids, zone membership, conduit ends), so blast radii may be incomplete and every step that touches the plant needs approval; first: {errors[0]}"));
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Product actions are untrusted: a failing action is reported and left out, never allowed to break the plan.")]
    private List<(ActionProposal, int)> Propose(ProposalContext context, List<PlanFinding> findings)
    {
        var proposals = new List<(ActionProposal, int)>();
        foreach (IResponseAction action in _actions)
        {
            try
            {
                foreach (ActionProposal? proposal in action.Propose(context) ?? [])
                {
                    if (proposal is not null)
                    {
                        proposals.Add((proposal, proposals.Count));
                    }
                }
            }
            catch (Exception ex)
            {
                string id = SafeGet(() => action.Id) ?? action.GetType().Name;
                findings.Add(new PlanFinding(ResponseRules.ProposalProblem.Id, $"Action {id} failed while proposing steps ({ex.GetType().Name}: {ex.Message}); its proposals are left out."));
                ResponseLog.ProposalFailed(_logger, id, ex.Message);
            }
        }

        return proposals;
    }

    private int PhaseRank(ActionPhase phase) => phase switch
    {
        ActionPhase.Notification => 0,
        ActionPhase.Monitoring => 1,
        ActionPhase.Evidence => _options.RestorationFirst ? 6 : 2,
        ActionPhase.Containment => 3,
        ActionPhase.OperationsRequest => 4,
        ActionPhase.Restoration => 5,
        _ => 7,
    };

    private ProposedStep[] Draft(List<(ActionProposal Proposal, int Source)> proposals, SiteGraph graph, List<PlanFinding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<(ActionProposal Proposal, int Source, IResponseAction? Action)>();
        foreach ((ActionProposal proposal, int source) in proposals)
        {
            if (proposal.ActionId is null || proposal.Target is null || proposal.Target.Id is null)
            {
                findings.Add(new PlanFinding(ResponseRules.ProposalProblem.Id, $"A proposal names no action or no target ({proposal.ActionId ?? "no action"} on {proposal.Target?.ToString() ?? "no target"}); it is left out."));
                continue;
            }

            if (!seen.Add(proposal.StepId))
            {
                findings.Add(new PlanFinding(ResponseRules.ProposalProblem.Id, $"Step {proposal.StepId} is proposed more than once; the first proposal is kept."));
                continue;
            }

            IResponseAction? action = _actionIndex.TryGetValue(proposal.ActionId, out int index) ? _actions[index] : null;
            unique.Add((proposal, source, action));
        }

        (ActionProposal Proposal, int Source, IResponseAction? Action)[] ordered = [.. unique
            .OrderBy(x => x.Action is null ? int.MaxValue : PhaseRank(SafeGet(() => x.Action.Phase)))
            .ThenBy(x => x.Action is null ? int.MaxValue : _actionIndex[x.Proposal.ActionId])
            .ThenBy(static x => x.Source)];

        var steps = new List<ProposedStep>(ordered.Length);
        foreach ((ActionProposal proposal, _, IResponseAction? action) in ordered)
        {
            steps.Add(DraftStep(proposal, action, graph));
        }

        return [.. steps.Select(s => s with { DependsOn = [.. EvidenceFor(s, steps, graph)] })];
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Actions and estimators are untrusted: a failure denies the step (fail-safe) instead of breaking the plan.")]
    private ProposedStep DraftStep(ActionProposal proposal, IResponseAction? action, SiteGraph graph)
    {
        ActionBlastRadius radius;
        bool failed = false;
        string name = proposal.ActionId;
        ActionPhase phase = ActionPhase.Containment;
        ActionTraits traits = ActionTraits.None;
        double outage = 0;
        if (action is null)
        {
            failed = true;
            radius = Failed($"action:{proposal.ActionId}", $"action '{proposal.ActionId}' is not in the catalog");
        }
        else
        {
            try
            {
                name = action.Name ?? proposal.ActionId;
                phase = action.Phase;
                traits = action.Traits;
                outage = _options.ExpectedOutageHours.TryGetValue(action.Id, out double hours) ? hours : action.ExpectedOutageHours;
                ActionBlastRadius computed = action.ComputeBlastRadius(proposal, graph) ?? throw new InvalidOperationException("the action returned no blast radius");
                radius = BlastRadiusCalculator.Close(graph, WithTarget(computed, proposal.Target));
            }
            catch (Exception ex)
            {
                failed = true;
                radius = Failed("radius:failed", $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        DowntimeCostEstimate? cost = null;
        string? costError = null;
        if (!double.IsFinite(outage) || outage < 0)
        {
            costError = string.Create(CultureInfo.InvariantCulture, $"the expected outage ({outage} h) is not a finite number of hours ≥ 0");
        }
        else if (failed)
        {
            costError = "the blast radius could not be computed";
        }
        else if (outage == 0 || radius.Effect < ProcessEffect.InterruptsCommunication)
        {
            cost = DowntimeCostEstimate.Zero(SafeGet(() => _estimator.Currency) ?? "USD", outage == 0
                ? "no production interruption is expected (0 h outage)"
                : "the action does not interrupt production");
        }
        else
        {
            try
            {
                cost = _estimator.Estimate(graph.Site, radius, outage) ?? throw new InvalidOperationException("the estimator returned no estimate");
            }
            catch (Exception ex)
            {
                costError = $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        return new ProposedStep
        {
            Id = proposal.StepId,
            ActionId = proposal.ActionId,
            ActionName = name,
            Phase = phase,
            Traits = traits,
            Target = proposal.Target,
            Scope = proposal.Scope,
            Techniques = proposal.Techniques,
            Reason = proposal.Reason ?? string.Empty,
            BlastRadius = radius,
            BlastRadiusFailed = failed,
            ExpectedOutageHours = outage,
            ExpectedDowntimeCost = cost,
            DowntimeCostError = costError,
        };
    }

    private static ActionBlastRadius Failed(string reference, string why) => new()
    {
        UnknownReferences = [reference],
        Notes = [$"The blast radius could not be computed: {why}."],
    };

    /// <summary>A radius always holds its own target: an action cannot leave out what it acts on.</summary>
    private static ActionBlastRadius WithTarget(ActionBlastRadius radius, ActionTarget target) => target.Kind switch
    {
        ActionTargetKind.Asset when !radius.Assets.Contains(target.Id) => radius with { Assets = radius.Assets.Add(target.Id) },
        ActionTargetKind.Conduit when !radius.Conduits.Contains(target.Id) => radius with { Conduits = radius.Conduits.Add(target.Id) },
        ActionTargetKind.Zone when !radius.Zones.Contains(target.Id) => radius with { Zones = radius.Zones.Add(target.Id) },
        ActionTargetKind.Vendor when !radius.Vendors.Contains(target.Id) => radius with { Vendors = radius.Vendors.Add(target.Id) },
        ActionTargetKind.ProductionLine when !radius.ProductionLines.Contains(target.Id) => radius with { ProductionLines = radius.ProductionLines.Add(target.Id) },
        _ => radius,
    };

    /// <summary>The evidence steps a restoration step waits for: earlier evidence steps on the restored asset or its zones.</summary>
    private IEnumerable<string> EvidenceFor(ProposedStep step, List<ProposedStep> steps, SiteGraph graph)
    {
        if (!step.Has(ActionTraits.Restoration) || step.Target.Kind != ActionTargetKind.Asset)
        {
            return [];
        }

        IReadOnlyList<string> zones = graph.ZonesOf(step.Target.Id);
        if (_options.RestorationFirst || zones.Any(_options.IsRestorationFirst))
        {
            return [];
        }

        int at = steps.FindIndex(s => ReferenceEquals(s, step));
        return steps.Take(at)
            .Where(s => s.Has(ActionTraits.Evidence)
                && ((s.Target.Kind == ActionTargetKind.Asset && string.Equals(s.Target.Id, step.Target.Id, StringComparison.Ordinal))
                    || (s.Target.Kind == ActionTargetKind.Zone && zones.Contains(s.Target.Id, StringComparer.Ordinal))))
            .Select(static s => s.Id);
    }
}

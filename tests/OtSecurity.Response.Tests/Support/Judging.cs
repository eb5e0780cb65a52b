using OtSecurity.Model.Alerts;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Tests.Support;

public static class Judging
{
    public static readonly Alert AnyAlert = TestPlant.Alert([], [], AlertSeverity.Medium);

    public static ActionProposal Proposal(string actionId, ActionTarget target, params string[] scope) =>
        new() { ActionId = actionId, Target = target, Reason = "test", Scope = [.. scope] };

    /// <summary>Judges one proposal on the test plant and returns its step.</summary>
    public static ResponseStep Judge(ResponseEngine engine, ActionProposal proposal, SiteModel? site = null, Alert? alert = null) =>
        engine.EvaluateAsync(alert ?? AnyAlert, site ?? TestPlant.Build(), [proposal]).GetAwaiter().GetResult().Steps.Single();

    public static ResponsePlan Evaluate(ResponseEngine engine, params ActionProposal[] proposals) =>
        engine.EvaluateAsync(AnyAlert, TestPlant.Build(), proposals).GetAwaiter().GetResult();

    public static PolicyDecisionRecord Decision(this ResponseStep step, string policyId) =>
        step.Decisions.Single(d => d.PolicyId == policyId);
}

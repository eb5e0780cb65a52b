using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Engine;

/// <summary>
/// "Request a PLC safe state from operations (never automatic), request a process shutdown (never automatic)" and
/// "quarantine a (non-safety) host", checked with every optional policy removed and one that approves everything.
/// </summary>
public class OperationsRequestTests
{
    // Only the mandatory safety guards (the engine's own) and a policy that approves everything; no downtime cost.
    private static ResponseEngine Permissive() => new(
        Options.Create(new ResponseOptions()),
        BuiltInActions.Create(),
        [new AlwaysApprovePolicy()],
        new FlatRateEstimator(0),
        new FakeTimeProvider(TestPlant.InsideWindow));

    [Theory]
    [InlineData(ResponseActionIds.RequestSafeState, "asset", "plc-1")]
    [InlineData(ResponseActionIds.RequestSafeState, "asset", "plc-2")]
    [InlineData(ResponseActionIds.RequestProcessShutdown, "line", "line-1")]
    [InlineData(ResponseActionIds.RequestProcessShutdown, "line", "line-2")]
    public void OperationsRequests_AreNeverAutomatic_EvenWhenEveryPolicyApproves(string actionId, string kind, string id)
    {
        ActionTarget target = kind == "asset" ? ActionTarget.Asset(id) : ActionTarget.ProductionLine(id);

        ResponseStep step = Judging.Judge(Permissive(), Judging.Proposal(actionId, target));

        Assert.Equal(ResponseVerdict.NeedsApproval, step.Verdict);
        Assert.Equal([PolicyIds.Engine], step.DecidedBy);
        Assert.Equal([ResponseRules.NeverAutomatic.Id], step.RuleIds);
        Assert.Equal(PolicyOutcome.Automatic, step.Decision("always-approve").Outcome);
        Assert.Equal(1, step.RequiredApprovals);
    }

    [Fact]
    public async Task CriticalManipulationAlert_SafeStateAndShutdownProposed_NeitherAutomatic()
    {
        Alert alert = TestPlant.Alert(["T0831"], ["plc-1"], AlertSeverity.Critical);

        ResponsePlan plan = await Permissive().PlanAsync(alert, TestPlant.Build());

        Assert.All(
            plan.Steps.Where(static s => s.ActionId is ResponseActionIds.RequestSafeState or ResponseActionIds.RequestProcessShutdown),
            s => Assert.NotEqual(ResponseVerdict.Automatic, s.Verdict));
        Assert.Contains(plan.Steps, static s => s.ActionId == ResponseActionIds.RequestSafeState);
        Assert.Contains(plan.Steps, static s => s.ActionId == ResponseActionIds.RequestProcessShutdown);
    }

    [Fact]
    public async Task Quarantine_IsNeverProposedForAHostWithASafetyRole()
    {
        // hmi-1 is declared safety-related (an alarm HMI), hmi-2 is not: lateral movement touching both quarantines only hmi-2.
        SiteModel site = TestPlant.Build();
        site = site with { Assets = [.. site.Assets.Select(static a => a.Id == "hmi-1" ? a with { SafetyRole = SafetyRole.SafetyRelated } : a)] };
        Alert alert = TestPlant.Alert(["T0866", "T0886"], ["hmi-1", "hmi-2"], AlertSeverity.High);

        ResponsePlan plan = await Permissive().PlanAsync(alert, site);

        string[] quarantined = [.. plan.Steps.Where(static s => s.ActionId == ResponseActionIds.QuarantineHost).Select(static s => s.Target.Id)];
        Assert.Equal(["hmi-2"], quarantined);

        // Proposed by hand anyway, the quarantine of the safety-related HMI is denied by the SIS guard.
        ResponseStep forced = Judging.Judge(Permissive(), Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("hmi-1")), site);
        Assert.Equal(ResponseVerdict.Denied, forced.Verdict);
        Assert.Equal(ResponseRules.SisAsset.Id, forced.Decision(PolicyIds.SisGuard).RuleId);
    }
}

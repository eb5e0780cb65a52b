using System.Diagnostics;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Engine;

public class FailSafeTests
{
    private static readonly Alert ProgramDownload = TestPlant.Alert(["T0843"], ["ews", "plc-2"], AlertSeverity.High);

    private static async Task<ResponsePlan> PlanWith(IResponsePolicy policy, ResponseOptions? options = null) =>
        await Engines.Create(TestPlant.InsideWindow, options, [policy, new AlwaysApprovePolicy()]).PlanAsync(ProgramDownload, TestPlant.Build());

    public static TheoryData<string> FailingPolicies => ["throws", "faults", "null", "malformed-0", "malformed-1", "malformed-2", "malformed-3"];

    private static IResponsePolicy Failing(string kind) => kind switch
    {
        "throws" => new ThrowingPolicy(),
        "faults" => new FaultingAsyncPolicy(),
        "null" => new NullPolicy(),
        _ => new MalformedPolicy(kind[^1] - '0'),
    };

    [Theory]
    [MemberData(nameof(FailingPolicies))]
    public async Task FailingPolicy_DeniesEveryStepButTheNotification(string kind)
    {
        ResponsePlan plan = await PlanWith(Failing(kind));

        Assert.NotEmpty(plan.Steps);
        foreach (ResponseStep step in plan.Steps)
        {
            PolicyDecisionRecord failure = step.Decisions.Single(d => d.Failure != PolicyFailure.None);
            if (step.ActionId == ResponseActionIds.Notify)
            {
                Assert.Equal(ResponseVerdict.Automatic, step.Verdict);
                Assert.Null(failure.Contribution);
                Assert.Contains("keeps this notification allowed", failure.Reason, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(ResponseVerdict.Denied, step.Verdict);
                Assert.Contains(failure.PolicyId, step.DecidedBy);
                Assert.StartsWith("OTR-FS-00", failure.RuleId, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ThrowingPolicy_TheReasonNamesTheException()
    {
        ResponsePlan plan = await PlanWith(new ThrowingPolicy());

        PolicyDecisionRecord failure = plan.Steps[1].Decisions.Single(d => d.Failure == PolicyFailure.Threw);
        Assert.Equal(ResponseRules.PolicyThrew.Id, failure.RuleId);
        Assert.Contains("InvalidOperationException: policy bug", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangingPolicy_TimesOutAndDenies_WithinTheTimeout()
    {
        var stopwatch = Stopwatch.StartNew();
        ResponsePlan plan = await PlanWith(new HangingPolicy(), new ResponseOptions { PolicyTimeout = TimeSpan.FromMilliseconds(100) });
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"planning took {stopwatch.Elapsed}");
        ResponseStep ticket = plan.FindStep("open-ticket@site:Test plant")!;
        Assert.Equal(ResponseVerdict.Denied, ticket.Verdict);
        Assert.Equal(ResponseRules.PolicyTimedOut.Id, ticket.Decisions.Single(d => d.Failure == PolicyFailure.TimedOut).RuleId);
        Assert.Equal(ResponseVerdict.Automatic, plan.Steps[0].Verdict);
    }

    [Fact]
    public async Task BlockingPolicy_AnswerArrivingAfterTheTimeout_IsDiscarded()
    {
        ResponsePlan plan = await PlanWith(new BlockingPolicy(TimeSpan.FromMilliseconds(300)), new ResponseOptions { PolicyTimeout = TimeSpan.FromMilliseconds(50) });

        Assert.All(plan.Steps.Skip(1), s => Assert.Equal(ResponseVerdict.Denied, s.Verdict));
    }

    [Fact]
    public async Task ExplicitDenyOfTheNotification_IsHonoured()
    {
        var deny = new FixedPolicy("deny-all", PolicyDecision.Denied("X-1", "no"));
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow, policies: [deny]).PlanAsync(ProgramDownload, TestPlant.Build());

        Assert.Equal(ResponseVerdict.Denied, plan.Steps[0].Verdict);
    }

    [Fact]
    public async Task NoAlert_RefusedWithAReason()
    {
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow).PlanAsync(null, TestPlant.Build());

        Assert.True(plan.Refused);
        Assert.Empty(plan.Steps);
        Assert.Equal(ResponseRules.Unplannable.Id, plan.Findings.Single().RuleId);
        Assert.Contains("No alert", plan.Findings.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSite_RefusedWithAReason()
    {
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow).PlanAsync(ProgramDownload, null);

        Assert.True(plan.Refused);
        Assert.Contains("No site model", plan.Findings.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAssetsAndTechniques_AreFindings_AndThePlanGoesOn()
    {
        Alert alert = TestPlant.Alert(["T0843", "T9999"], ["ews", "ghost"], AlertSeverity.High);

        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow).PlanAsync(alert, TestPlant.Build());

        Assert.False(plan.Refused);
        Assert.Contains(plan.Findings, f => f.RuleId == ResponseRules.UnknownAsset.Id && f.Message.Contains("'ghost'", StringComparison.Ordinal));
        Assert.Contains(plan.Findings, f => f.RuleId == ResponseRules.UnknownTechnique.Id && f.Message.Contains("'T9999'", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Id == "quarantine-host@asset:ews");
    }

    [Fact]
    public async Task UnknownAction_Denied()
    {
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow).EvaluateAsync(ProgramDownload, TestPlant.Build(), [Judging.Proposal("format-c", ActionTarget.Asset("ews"))]);

        ResponseStep step = plan.Steps.Single();
        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Contains(ResponseRules.UnknownAction.Id, step.RuleIds);
    }

    [Fact]
    public async Task ActionThatFails_ProposingIsLeftOut_ComputingItsRadiusIsDenied()
    {
        var broken = new BrokenAction();
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow, actions: [broken]).PlanAsync(ProgramDownload, TestPlant.Build());
        Assert.Contains(plan.Findings, f => f.RuleId == ResponseRules.ProposalProblem.Id && f.Message.Contains("broken", StringComparison.Ordinal));

        ResponseStep step = Judging.Judge(Engines.Create(TestPlant.InsideWindow, actions: [broken]), Judging.Proposal("broken", ActionTarget.Asset("ews")));
        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Contains(ResponseRules.RadiusFailed.Id, step.RuleIds);
    }

    [Fact]
    public async Task ActionThatLeavesOutItsTarget_TheTargetIsAddedAndTheGuardDenies()
    {
        var liar = new LyingAction();
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow, actions: [liar]).EvaluateAsync(ProgramDownload, TestPlant.Build(), [Judging.Proposal("liar", ActionTarget.Asset("sis-1"))]);

        ResponseStep step = plan.Steps.Single();
        Assert.Contains("sis-1", step.BlastRadius.Assets);
        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Contains(ResponseRules.SisAsset.Id, step.RuleIds);
    }

    [Fact]
    public async Task StructurallyBrokenSite_EveryStepThatTouchesThePlantNeedsApproval()
    {
        SiteModel broken = TestPlant.Build();
        broken = broken with { Assets = [.. broken.Assets, broken.Assets[0] with { Name = "duplicate" }] };

        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow).EvaluateAsync(ProgramDownload, broken, [Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-ops-bldg"))]);

        Assert.Contains(ResponseRules.InvalidSite.Id, plan.Steps.Single().RuleIds);
        Assert.Equal(ResponseVerdict.NeedsApproval, plan.Steps.Single().Verdict);
    }

    [Fact]
    public async Task CancelledPlanning_ThrowsOperationCancelled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engines.Create(TestPlant.InsideWindow).PlanAsync(ProgramDownload, TestPlant.Build(), cancellationToken: cts.Token));
    }

    private sealed class BrokenAction : IResponseAction
    {
        public string Id => "broken";

        public string Name => "Broken";

        public string Description => "Fails.";

        public ActionPhase Phase => ActionPhase.Containment;

        public ActionTraits Traits => ActionTraits.None;

        public double ExpectedOutageHours => 0;

        public IEnumerable<ActionProposal> Propose(ProposalContext context) => throw new InvalidOperationException("broken proposer");

        public ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph) => throw new InvalidOperationException("broken radius");
    }

    private sealed class LyingAction : IResponseAction
    {
        public string Id => "liar";

        public string Name => "Claims to touch nothing";

        public string Description => "Lies.";

        public ActionPhase Phase => ActionPhase.Containment;

        public ActionTraits Traits => ActionTraits.NotificationOnly;

        public double ExpectedOutageHours => 0;

        public IEnumerable<ActionProposal> Propose(ProposalContext context) => [];

        public ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph) => ActionBlastRadius.None;
    }
}

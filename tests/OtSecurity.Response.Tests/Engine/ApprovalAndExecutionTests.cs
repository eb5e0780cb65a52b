using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OtSecurity.Model.Alerts;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Engine;

public class ApprovalAndExecutionTests
{
    private static readonly Alert ProgramDownload = TestPlant.Alert(["T0843"], ["ews", "plc-2"], AlertSeverity.High);

    private static ResponseEngine Engine(FakeTimeProvider time, double rate = 1_000) =>
        ResponseEngine.Create(estimator: new FlatRateEstimator(rate), timeProvider: time);

    [Fact]
    public async Task Approve_RecordsWhoAndWhen_AndClearsTheStep()
    {
        var time = new FakeTimeProvider(TestPlant.OutsideWindow);
        ResponseEngine engine = Engine(time);
        ResponsePlan plan = await engine.PlanAsync(ProgramDownload, TestPlant.Build());
        const string Step = "quarantine-host@asset:ews";
        Assert.Equal(ResponseVerdict.NeedsApproval, plan.FindStep(Step)!.Verdict);

        time.Advance(TimeSpan.FromMinutes(3));
        ApprovalResult result = engine.Approve(plan, Step, "j.smith", "EWS is not needed this shift");

        Assert.True(result.IsAccepted, result.Message);
        Approval approval = result.Plan.FindStep(Step)!.Approvals.Single();
        Assert.Equal("j.smith", approval.Approver);
        Assert.Equal(TestPlant.OutsideWindow.AddMinutes(3), approval.At);
        Assert.True(result.Plan.FindStep(Step)!.IsCleared);
        Assert.Empty(plan.FindStep(Step)!.Approvals); // plans are immutable
    }

    [Fact]
    public async Task TwoPersonApproval_NeedsTwoDifferentPeople()
    {
        ResponseEngine engine = Engine(new FakeTimeProvider(TestPlant.InsideWindow), rate: 1_000_000);
        ResponsePlan plan = await engine.PlanAsync(ProgramDownload, TestPlant.Build());
        const string Step = "quarantine-host@asset:ews";
        Assert.Equal(2, plan.FindStep(Step)!.RequiredApprovals);

        ApprovalResult first = engine.Approve(plan, Step, "j.smith");
        ApprovalResult again = engine.Approve(first.Plan, Step, "J.Smith");
        ApprovalResult second = engine.Approve(first.Plan, Step, "a.jones");

        Assert.False(first.Plan.FindStep(Step)!.IsCleared);
        Assert.False(again.IsAccepted);
        Assert.Contains("different person", again.Message, StringComparison.Ordinal);
        Assert.True(second.Plan.FindStep(Step)!.IsCleared);
        Assert.False(engine.Approve(second.Plan, Step, "c.brown").IsAccepted);
    }

    [Fact]
    public async Task DeniedAndAutomaticSteps_CannotBeApproved()
    {
        ResponseEngine engine = Engine(new FakeTimeProvider(TestPlant.InsideWindow));
        ResponsePlan plan = await engine.EvaluateAsync(ProgramDownload, TestPlant.Build(),
            [Judging.Proposal(ResponseActionIds.SnapshotConfiguration, ActionTarget.Asset("sis-1")), Judging.Proposal(ResponseActionIds.Notify, ActionTarget.Site("Test plant"))]);

        ApprovalResult denied = engine.Approve(plan, "snapshot-configuration@asset:sis-1", "j.smith");
        ApprovalResult automatic = engine.Approve(plan, "notify@site:Test plant", "j.smith");
        ApprovalResult unknown = engine.Approve(plan, "nope", "j.smith");

        Assert.False(denied.IsAccepted);
        Assert.Contains("no approval can override a denial", denied.Message, StringComparison.Ordinal);
        Assert.False(automatic.IsAccepted);
        Assert.False(unknown.IsAccepted);
        Assert.Same(plan, denied.Plan);
    }

    [Fact]
    public async Task Execute_RunsClearedStepsInOrder_AndSaysWhyTheOthersDidNot()
    {
        var time = new FakeTimeProvider(TestPlant.InsideWindow);
        ResponseEngine engine = Engine(time);
        ResponsePlan plan = await engine.PlanAsync(ProgramDownload, TestPlant.Build());
        var executor = new ResponseExecutor([new LoggingNotifyEffector()], Options.Create(new ResponseOptions()), time);

        ExecutionReport report = await executor.ExecuteAsync(plan);

        Assert.Equal(plan.Steps.Select(static s => s.Id), report.Steps.Select(static s => s.StepId));
        Assert.Equal(StepExecutionStatus.Executed, report.Steps[0].Status);
        Assert.Contains(report.Steps, s => s.Status == StepExecutionStatus.SkippedNoEffector);
        Assert.Equal(StepExecutionStatus.SkippedAwaitingApproval, report.Steps.Single(s => s.StepId == "restore-configuration@asset:plc-2").Status);
    }

    [Fact]
    public async Task Execute_DryRun_RunsNothing()
    {
        var time = new FakeTimeProvider(TestPlant.InsideWindow);
        ResponsePlan plan = await Engine(time).PlanAsync(ProgramDownload, TestPlant.Build(), dryRun: true);
        var counting = new CountingNotify();
        var executor = new ResponseExecutor([counting], Options.Create(new ResponseOptions()), time);

        ExecutionReport report = await executor.ExecuteAsync(plan);

        Assert.True(plan.DryRun);
        Assert.Equal(0, counting.Count);
        Assert.Equal(StepExecutionStatus.WouldExecute, report.Steps[0].Status);
        Assert.DoesNotContain(report.Steps, s => s.Status == StepExecutionStatus.Executed);
    }

    [Fact]
    public async Task Execute_StalePlan_RunsNothing()
    {
        var time = new FakeTimeProvider(TestPlant.InsideWindow);
        ResponsePlan plan = await Engine(time).PlanAsync(ProgramDownload, TestPlant.Build());
        time.Advance(TimeSpan.FromHours(1));
        var counting = new CountingNotify();

        ExecutionReport report = await new ResponseExecutor([counting], Options.Create(new ResponseOptions()), time).ExecuteAsync(plan);

        Assert.Equal(0, counting.Count);
        Assert.Equal(StepExecutionStatus.SkippedStale, report.Steps[0].Status);
    }

    [Fact]
    public async Task Execute_RestorationWaitsForItsEvidence()
    {
        var time = new FakeTimeProvider(TestPlant.InsideWindow);
        ResponseEngine engine = Engine(time);
        ResponsePlan plan = await engine.EvaluateAsync(ProgramDownload, TestPlant.Build(),
            [Judging.Proposal(ResponseActionIds.SnapshotConfiguration, ActionTarget.Asset("plc-2")), Judging.Proposal(ResponseActionIds.RestoreConfiguration, ActionTarget.Asset("plc-2"))]);
        plan = engine.Approve(plan, "restore-configuration@asset:plc-2", "j.smith").Plan;
        var restore = new CountingEffector(ResponseActionIds.RestoreConfiguration);

        ExecutionReport report = await new ResponseExecutor([restore], Options.Create(new ResponseOptions()), time).ExecuteAsync(plan);

        Assert.Equal(StepExecutionStatus.SkippedNoEffector, report.Steps[0].Status);
        Assert.Equal(StepExecutionStatus.SkippedDependency, report.Steps[1].Status);
        Assert.Equal(0, restore.Count);
    }

    private sealed class CountingNotify : IResponseEffector
    {
        public int Count { get; private set; }

        public string ActionId => ResponseActionIds.Notify;

        public ValueTask<string> ExecuteAsync(ResponsePlan plan, ResponseStep step, CancellationToken cancellationToken)
        {
            Count++;
            return ValueTask.FromResult("counted");
        }
    }

    private sealed class CountingEffector(string actionId) : IResponseEffector
    {
        public int Count { get; private set; }

        public string ActionId => actionId;

        public ValueTask<string> ExecuteAsync(ResponsePlan plan, ResponseStep step, CancellationToken cancellationToken)
        {
            Count++;
            return ValueTask.FromResult("ran");
        }
    }
}

using OtSecurity.Model.Alerts;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Policies;

public class EvidenceBeforeRestorationPolicyTests
{
    private static readonly ActionProposal Snapshot = Judging.Proposal(ResponseActionIds.SnapshotConfiguration, ActionTarget.Asset("plc-2"));
    private static readonly ActionProposal Restore = Judging.Proposal(ResponseActionIds.RestoreConfiguration, ActionTarget.Asset("plc-2"));

    [Fact]
    public void SnapshotBeforeRestore_Allowed_AndRestoreWaitsForIt()
    {
        ResponsePlan plan = Judging.Evaluate(Engines.Create(TestPlant.InsideWindow), Restore, Snapshot);

        Assert.Equal([Snapshot.StepId, Restore.StepId], plan.Steps.Select(static s => s.Id));
        ResponseStep restore = plan.FindStep(Restore.StepId)!;
        Assert.Equal(ResponseRules.EvidenceFirst.Id, restore.Decision(PolicyIds.EvidenceBeforeRestoration).RuleId);
        Assert.Equal([Snapshot.StepId], restore.DependsOn);
        Assert.Equal(ResponseVerdict.NeedsApproval, restore.Verdict); // restoration is never automatic
    }

    [Fact]
    public void RestoreWithoutEvidence_Denied()
    {
        ResponsePlan plan = Judging.Evaluate(Engines.Create(TestPlant.InsideWindow), Restore);

        ResponseStep restore = plan.Steps.Single();
        Assert.Equal(ResponseRules.EvidenceMissing.Id, restore.Decision(PolicyIds.EvidenceBeforeRestoration).RuleId);
        Assert.Equal(ResponseVerdict.Denied, restore.Verdict);
    }

    [Fact]
    public void RestorationFirstDeclared_EvidenceFollows_AndRestoreIsAllowed()
    {
        var options = new ResponseOptions { RestorationFirst = true };
        ResponsePlan plan = Judging.Evaluate(Engines.Create(TestPlant.InsideWindow, options), Snapshot, Restore);

        Assert.Equal([Restore.StepId, Snapshot.StepId], plan.Steps.Select(static s => s.Id));
        ResponseStep restore = plan.FindStep(Restore.StepId)!;
        Assert.Equal(ResponseRules.RestorationFirstDeclared.Id, restore.Decision(PolicyIds.EvidenceBeforeRestoration).RuleId);
        Assert.Empty(restore.DependsOn);
        Assert.NotEqual(ResponseVerdict.Denied, restore.Verdict);
    }

    [Fact]
    public void RestorationFirstForTheZone_AllowsRestoreWithoutEvidence()
    {
        var options = new ResponseOptions();
        options.RestorationFirstZones.Add("z-cell2");

        ResponseStep restore = Judging.Evaluate(Engines.Create(TestPlant.InsideWindow, options), Restore).Steps.Single();

        Assert.Equal(ResponseRules.RestorationFirstDeclared.Id, restore.Decision(PolicyIds.EvidenceBeforeRestoration).RuleId);
    }

    [Fact]
    public void NotARestoration_NotApplicable()
    {
        ResponseStep step = Judging.Judge(Engines.Create(TestPlant.InsideWindow), Snapshot);

        Assert.Equal(PolicyOutcome.NotApplicable, step.Decision(PolicyIds.EvidenceBeforeRestoration).Outcome);
    }

    [Fact]
    public void EvidenceStepDenied_RestorationDeniedToo()
    {
        var denySnapshots = new SnapshotDenyingPolicy();
        ResponsePlan plan = Judging.Evaluate(Engines.Create(TestPlant.InsideWindow, policies: [denySnapshots]), Snapshot, Restore);

        ResponseStep restore = plan.FindStep(Restore.StepId)!;
        Assert.Equal(ResponseVerdict.Denied, restore.Verdict);
        Assert.Contains(ResponseRules.EvidenceMissing.Id, restore.RuleIds);
    }

    [Fact]
    public async Task Plan_ForProgramDownload_PutsTheUploadBeforeTheRestore()
    {
        ResponsePlan plan = await Engines.Create(TestPlant.InsideWindow)
            .PlanAsync(TestPlant.Alert(["T0843"], ["ews", "plc-2"], AlertSeverity.High), TestPlant.Build());

        int upload = plan.Steps.Select(static s => s.Id).ToList().IndexOf("snapshot-configuration@asset:plc-2");
        int restore = plan.Steps.Select(static s => s.Id).ToList().IndexOf("restore-configuration@asset:plc-2");
        Assert.InRange(upload, 0, restore - 1);
    }

    private sealed class SnapshotDenyingPolicy : IResponsePolicy
    {
        public string Id => "no-snapshots";

        public string Name => "No snapshots";

        public int Order => 0;

        public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Step.ActionId == ResponseActionIds.SnapshotConfiguration
                ? PolicyDecision.Denied("NS-1", "no snapshots here")
                : PolicyDecision.NotApplicable("NS-0", "n/a"));
    }
}

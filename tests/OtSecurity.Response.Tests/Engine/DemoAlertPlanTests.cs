using Microsoft.Extensions.Time.Testing;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Engine;

/// <summary>The plans for the bundled sample alerts on the demo plant, with OtSecurity.Risk's downtime model.</summary>
public class DemoAlertPlanTests
{
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 3, 14, 15, 0, TimeSpan.Zero);

    private static async Task<ResponsePlan> Plan(string alert) =>
        await ResponseEngine.Create(timeProvider: new FakeTimeProvider(TuesdayMorning)).PlanAsync(DemoPlant.Alert(alert), DemoPlant.Site);

    [Fact]
    public async Task ProgramDownload_PlanInOrderWithVerdicts()
    {
        ResponsePlan plan = await Plan("demo-alert.json");

        Assert.Equal(
            [
                "notify@site:Riverside Bottling Plant", "open-ticket@site:Riverside Bottling Plant",
                "raise-monitoring@zone:zone-ops", "raise-monitoring@zone:zone-cell1",
                "capture-traffic@zone:zone-ops", "capture-traffic@zone:zone-cell1",
                "snapshot-configuration@asset:ops-ews", "snapshot-configuration@asset:c1-plc",
                "isolate-conduit@conduit:cnd-ops-cell1", "quarantine-host@asset:ops-ews",
                "request-plc-safe-state@asset:c1-plc", "restore-configuration@asset:c1-plc",
            ],
            plan.Steps.Select(static s => s.Id));
        Assert.All(plan.Steps.Take(8), s => Assert.Equal(ResponseVerdict.Automatic, s.Verdict));
        Assert.All(plan.Steps.Skip(8), s => Assert.Equal(ResponseVerdict.NeedsApproval, s.Verdict));
        Assert.Contains(OtSecurity.Response.Policies.ResponseRules.CostNeedsTwoPeople.Id, plan.FindStep("isolate-conduit@conduit:cnd-ops-cell1")!.RuleIds);
        Assert.Contains("OtSecurity.Risk downtime model", plan.FindStep("isolate-conduit@conduit:cnd-ops-cell1")!.ExpectedDowntimeCost!.Basis, StringComparison.Ordinal);
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public async Task VendorOutOfWindow_EndsTheSessionDisablesTheAccountAndBlocksAtTheBoundary()
    {
        ResponsePlan plan = await Plan("demo-alert-vendor.json");

        Assert.Equal(ResponseVerdict.Automatic, plan.FindStep("end-vendor-session@vendor:vnd-acme")!.Verdict);
        Assert.Equal(ResponseVerdict.Automatic, plan.FindStep("disable-vendor-account@vendor:vnd-acme")!.Verdict);
        Assert.Equal(["c2-plc"], plan.FindStep("end-vendor-session@vendor:vnd-acme")!.BlastRadius.Assets);
        Assert.Contains(plan.Steps, s => s.ActionId == "block-boundary-flow");
        Assert.DoesNotContain(plan.Steps, s => s.Verdict == ResponseVerdict.Automatic && s.BlastRadius.Assets.Any(a => a.StartsWith("sf-", StringComparison.Ordinal)));
    }
}

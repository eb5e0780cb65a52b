using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Policies;

public class MaintenanceWindowPolicyTests
{
    private static ResponseStep Judge(DateTimeOffset now, ActionProposal proposal, SiteModel? site = null) =>
        Judging.Judge(Engines.Create(now), proposal, site);

    private static ActionProposal IsolateBuilding => Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-ops-bldg"));

    [Fact]
    public void DisruptiveInsideEveryWindow_Automatic()
    {
        ResponseStep step = Judge(TestPlant.InsideWindow, IsolateBuilding);

        Assert.Equal(ResponseRules.WindowOpen.Id, step.Decision(PolicyIds.MaintenanceWindow).RuleId);
        Assert.Equal(ResponseVerdict.Automatic, step.Verdict);
    }

    [Fact]
    public void DisruptiveOutsideTheWindow_NeedsApproval()
    {
        ResponseStep step = Judge(TestPlant.OutsideWindow, IsolateBuilding);

        Assert.Equal(ResponseRules.WindowClosed.Id, step.Decision(PolicyIds.MaintenanceWindow).RuleId);
        Assert.Equal(ResponseVerdict.NeedsApproval, step.Verdict);
        Assert.Equal([PolicyIds.MaintenanceWindow], step.DecidedBy);
    }

    [Fact]
    public void DisruptiveInAZoneWithoutWindows_NeedsApproval()
    {
        ResponseStep step = Judge(TestPlant.InsideWindow, Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("jump")));

        Assert.Equal(ResponseRules.WindowNone.Id, step.Decision(PolicyIds.MaintenanceWindow).RuleId);
        Assert.Equal(ResponseVerdict.NeedsApproval, step.Verdict);
    }

    [Fact]
    public void NotDisruptive_NotApplicable()
    {
        ResponseStep step = Judge(TestPlant.OutsideWindow, Judging.Proposal(ResponseActionIds.BlockBoundaryFlow, ActionTarget.Conduit("cnd-dmz-ops"), "ews"));

        Assert.Equal(PolicyOutcome.NotApplicable, step.Decision(PolicyIds.MaintenanceWindow).Outcome);
        Assert.Null(step.Decision(PolicyIds.MaintenanceWindow).Contribution);
        Assert.Equal(ResponseVerdict.Automatic, step.Verdict);
    }

    [Fact]
    public void UnknownSiteTimeZone_NeedsApproval()
    {
        ResponseStep step = Judge(TestPlant.InsideWindow, IsolateBuilding, TestPlant.Build() with { TimeZone = "Nowhere/Atlantis" });

        Assert.Equal(ResponseRules.WindowTimeZoneUnknown.Id, step.Decision(PolicyIds.MaintenanceWindow).RuleId);
    }

    [Theory]
    [InlineData("2026-11-01T01:30:00Z", true)]  // 02:30 in Berlin (CET, UTC+1): inside Sunday 02:00–06:00
    [InlineData("2026-11-01T03:00:00Z", true)]  // 04:00 in Berlin
    [InlineData("2026-11-01T05:30:00Z", false)] // 06:30 in Berlin
    [InlineData("2026-11-01T00:30:00Z", false)] // 01:30 in Berlin
    public void Windows_AreInTheSitesLocalTime(string utc, bool inside)
    {
        SiteModel berlin = TestPlant.Build() with { TimeZone = "Europe/Berlin" };

        ResponseStep step = Judge(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), IsolateBuilding, berlin);

        Assert.Equal(inside ? ResponseRules.WindowOpen.Id : ResponseRules.WindowClosed.Id, step.Decision(PolicyIds.MaintenanceWindow).RuleId);
    }
}

using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Policies;

public class SafetyGuardTests
{
    private static readonly ResponseEngine Engine = Engines.Create(TestPlant.InsideWindow);

    [Fact]
    public void SisGuard_SnapshotOfTheSis_DeniedBySafetyAsset()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.SnapshotConfiguration, ActionTarget.Asset("sis-1")));

        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.SisAsset.Id, step.Decision(PolicyIds.SisGuard).RuleId);
        Assert.Contains(PolicyIds.SisGuard, step.DecidedBy);
    }

    [Fact]
    public void SisGuard_ConduitTheSisDependsOn_DeniedByConduit()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-sup-cell2")));

        Assert.DoesNotContain(step.BlastRadius.Assets, a => a is "sis-1" or "estop-1");
        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.SisConduit.Id, step.Decision(PolicyIds.SisGuard).RuleId);
    }

    [Fact]
    public void SisGuard_UnknownAsset_DeniedBecauseItCannotBeChecked()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("ghost")));

        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.SisUnknown.Id, step.Decision(PolicyIds.SisGuard).RuleId);
        Assert.Equal(ResponseRules.EStopUnknown.Id, step.Decision(PolicyIds.EmergencyStopGuard).RuleId);
    }

    [Fact]
    public void SisGuard_ConduitAboveTheControlLevels_Allows()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-ops-sup")));

        Assert.Equal(PolicyOutcome.Automatic, step.Decision(PolicyIds.SisGuard).Outcome);
        Assert.Equal(ResponseRules.SisClear.Id, step.Decision(PolicyIds.SisGuard).RuleId);
    }

    [Fact]
    public void EmergencyStopGuard_QuarantineOfTheEStop_Denied()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("estop-1")));

        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.EStopAsset.Id, step.Decision(PolicyIds.EmergencyStopGuard).RuleId);
    }

    [Fact]
    public void EmergencyStopGuard_ConduitOnTheEStopPath_Denied()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-sup-cell2")));

        Assert.Equal(ResponseRules.EStopConduit.Id, step.Decision(PolicyIds.EmergencyStopGuard).RuleId);
    }

    [Fact]
    public void EmergencyStopGuard_DelayingTrafficOnTheEStopPath_Denied()
    {
        var graph = SiteGraph.Build(TestPlant.Build());
        var delaying = new ActionBlastRadius { Zones = ["z-sup"], Effect = ProcessEffect.InterruptsCommunication, DelaysTraffic = true };
        var elsewhere = delaying with { Zones = ["z-bldg"] };

        Assert.Equal(ResponseRules.EStopDelay.Id, EmergencyStopGuard.Evaluate(delaying, graph).RuleId);
        Assert.Equal(PolicyOutcome.Denied, EmergencyStopGuard.Evaluate(delaying, graph).Outcome);
        Assert.Equal(PolicyOutcome.Automatic, EmergencyStopGuard.Evaluate(elsewhere, graph).Outcome);
    }

    [Fact]
    public void EmergencyStopGuard_ConduitAwayFromTheEStop_Allows()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-ops-bldg")));

        Assert.Equal(PolicyOutcome.Automatic, step.Decision(PolicyIds.EmergencyStopGuard).Outcome);
        Assert.Equal(ResponseRules.EStopClear.Id, step.Decision(PolicyIds.EmergencyStopGuard).RuleId);
    }

    [Fact]
    public void Guards_SafetyRelatedAsset_DeniedBySisGuard()
    {
        var site = TestPlant.Build();
        site = site with { Assets = [.. site.Assets.Select(a => a.Id == "drive-1" ? a with { SafetyRole = OtSecurity.Model.Assets.SafetyRole.SafetyRelated } : a)] };

        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.RequestSafeState, ActionTarget.Asset("plc-1")), site);

        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.SisAsset.Id, step.Decision(PolicyIds.SisGuard).RuleId);
    }

    [Fact]
    public void Guards_NonSafetyHostInTheSafetyZone_DeniedBecauseItSitsOnTheSafetyNetwork()
    {
        // Demo plant: sf-panel (a plain HMI, no safety role) shares zone-safety with the SIS and the emergency stop.
        ResponseStep step = Judging.Judge(Engines.Create(TestPlant.InsideWindow), Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("sf-panel")), DemoPlant.Site, DemoPlant.Alert());

        Assert.Equal(["sf-panel"], step.BlastRadius.Assets);
        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.SisZone.Id, step.Decision(PolicyIds.SisGuard).RuleId);
        Assert.Equal(ResponseRules.EStopZone.Id, step.Decision(PolicyIds.EmergencyStopGuard).RuleId);
    }

    [Fact]
    public void Guards_HostOutsideTheSafetyZones_Allowed()
    {
        // The negative of the zone rule: the line 2 HMI is in zone-supervisory, which holds no safety asset.
        ResponseStep step = Judging.Judge(Engines.Create(TestPlant.InsideWindow), Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("sup-hmi-2")), DemoPlant.Site, DemoPlant.Alert());

        Assert.Equal(ResponseRules.SisClear.Id, step.Decision(PolicyIds.SisGuard).RuleId);
        Assert.Equal(ResponseRules.EStopClear.Id, step.Decision(PolicyIds.EmergencyStopGuard).RuleId);
    }
}

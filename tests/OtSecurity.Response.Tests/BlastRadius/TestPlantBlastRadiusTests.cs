using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.BlastRadius;

/// <summary>The blast-radius rules on the hand-built test plant, where every expected set can be read off the model.</summary>
public class TestPlantBlastRadiusTests
{
    private static readonly SiteGraph Graph = SiteGraph.Build(TestPlant.Build());

    private static ActionBlastRadius Radius(IResponseAction action, ActionTarget target, params string[] scope) =>
        BlastRadiusCalculator.Close(Graph, action.ComputeBlastRadius(new ActionProposal { ActionId = action.Id, Target = target, Reason = "test", Scope = [.. scope] }, Graph));

    [Fact]
    public void IsolateConduit_OpsToSupervisory_AffectsBothZonesButKeepsOperatorsInControl()
    {
        ActionBlastRadius radius = Radius(new IsolateConduitAction(), ActionTarget.Conduit("cnd-ops-sup"));

        Assert.Equal(["ews", "hist", "hmi-1", "hmi-2"], radius.Assets);
        Assert.Equal(["z-ops", "z-sup"], radius.Zones);
        Assert.Equal(["line-1", "line-2"], radius.ProductionLines);
        Assert.Equal(["cnd-ops-sup"], radius.Conduits);
        Assert.False(radius.RemovesOperatorView);
        Assert.False(radius.RemovesOperatorControl);
        Assert.Equal(ProcessEffect.InterruptsCommunication, radius.Effect);
        Assert.Contains(BlastRadiusRules.ConduitCut, radius.Rules);
    }

    [Fact]
    public void IsolateConduit_HmisToPlcs_RemovesTheOperatorsViewAndControl()
    {
        ActionBlastRadius radius = Radius(new IsolateConduitAction(), ActionTarget.Conduit("cnd-sup-cell1"));

        Assert.True(radius.RemovesOperatorView);
        Assert.True(radius.RemovesOperatorControl);
        Assert.Equal([new SupervisionLoss("hmi-1", "plc-1"), new SupervisionLoss("hmi-1", "sis-1")], radius.LostSupervision);
        Assert.Contains(BlastRadiusRules.Supervision, radius.Rules);
    }

    [Fact]
    public void QuarantineHost_Hmi_RemovesTheViewOfItsLine()
    {
        ActionBlastRadius radius = Radius(new QuarantineHostAction(), ActionTarget.Asset("hmi-2"));

        Assert.Equal(["hmi-2"], radius.Assets);
        Assert.Equal(["z-sup"], radius.Zones);
        Assert.Equal(["line-2"], radius.ProductionLines);
        Assert.Empty(radius.Conduits);
        Assert.True(radius.RemovesOperatorView);
        Assert.Equal([new SupervisionLoss("hmi-2", "plc-2")], radius.LostSupervision);
    }

    [Fact]
    public void QuarantineHost_Workstation_KeepsOperatorsInControl()
    {
        ActionBlastRadius radius = Radius(new QuarantineHostAction(), ActionTarget.Asset("ews"));

        Assert.Equal(["ews"], radius.Assets);
        Assert.Empty(radius.ProductionLines);
        Assert.False(radius.RemovesOperatorView || radius.RemovesOperatorControl);
    }

    [Fact]
    public void BlockBoundaryFlow_Ews_OnlyTheEwsFlowsAcrossTheDmzConduit()
    {
        Assert.Equal("cnd-dmz-ops", BlockBoundaryFlowAction.BoundaryConduit(Graph, "z-ops")!.Id);
        ActionBlastRadius radius = Radius(new BlockBoundaryFlowAction(), ActionTarget.Conduit("cnd-dmz-ops"), "ews");

        Assert.Equal(["ews"], radius.Assets);
        Assert.Equal(["z-dmz", "z-ops"], radius.Zones);
        Assert.Equal(["cnd-dmz-ops"], radius.Conduits);
        Assert.Contains(BlastRadiusRules.ScopedCut, radius.Rules);
        Assert.False(radius.RemovesOperatorView);
    }

    [Fact]
    public void BoundaryConduit_EnterpriseZone_IsTheFirstConduitIntoOperations()
    {
        Assert.Equal("cnd-dmz-ops", BlockBoundaryFlowAction.BoundaryConduit(Graph, "z-ent")!.Id);
        Assert.Equal("cnd-dmz-ops", BlockBoundaryFlowAction.BoundaryConduit(Graph, "z-cell1")!.Id);
    }

    [Fact]
    public void EndVendorSession_NamedAsset_OnlyThatAssetAndTheVendorConduit()
    {
        ActionBlastRadius radius = Radius(new EndVendorSessionAction(), ActionTarget.Vendor("vnd-integrator"), "plc-2", "ews");

        Assert.Equal(["plc-2"], radius.Assets);
        Assert.Equal(["z-dmz", "z-cell2"], radius.Zones);
        Assert.Equal(["cnd-vendor-cell2"], radius.Conduits);
        Assert.Equal(["vnd-integrator"], radius.Vendors);
    }

    [Fact]
    public void DisableVendorAccount_NoAssetNamed_EveryAssetOfTheVendorsZones()
    {
        ActionBlastRadius radius = Radius(new DisableVendorAccountAction(), ActionTarget.Vendor("vnd-sis"));

        Assert.Equal(["sis-1", "estop-1"], radius.Assets);
        Assert.Contains(BlastRadiusRules.Session, radius.Rules);
    }

    [Fact]
    public void RequestSafeState_Plc_StopsItsLineInItsZone()
    {
        ActionBlastRadius radius = Radius(new RequestSafeStateAction(), ActionTarget.Asset("plc-1"));

        Assert.Equal(["plc-1", "drive-1"], radius.Assets);
        Assert.Equal(ProcessEffect.StopsProcess, radius.Effect);
        Assert.True(radius.RemovesOperatorControl);
        Assert.False(radius.RemovesOperatorView);
    }

    [Fact]
    public void RequestProcessShutdown_Line1_LeavesSafetyFunctionsOutside()
    {
        ActionBlastRadius radius = Radius(new RequestProcessShutdownAction(), ActionTarget.ProductionLine("line-1"));

        Assert.Equal(["hmi-1", "plc-1", "drive-1"], radius.Assets);
        Assert.DoesNotContain("sis-1", radius.Assets);
        Assert.DoesNotContain("estop-1", radius.Assets);
        Assert.Equal(["line-1"], radius.ProductionLines);
    }

    [Fact]
    public void RestoreConfiguration_ControllerStops_HostIsTakenOffline()
    {
        Assert.Equal(["plc-2"], Radius(new RestoreConfigurationAction(), ActionTarget.Asset("plc-2")).Assets);
        Assert.Equal(ProcessEffect.StopsProcess, Radius(new RestoreConfigurationAction(), ActionTarget.Asset("plc-2")).Effect);
        Assert.Equal(ProcessEffect.InterruptsCommunication, Radius(new RestoreConfigurationAction(), ActionTarget.Asset("ews")).Effect);
    }

    [Fact]
    public void SnapshotConfiguration_ReadsTheAssetOnly()
    {
        ActionBlastRadius radius = Radius(new SnapshotConfigurationAction(), ActionTarget.Asset("plc-1"));

        Assert.Equal(["plc-1"], radius.Assets);
        Assert.Equal(ProcessEffect.Observational, radius.Effect);
        Assert.False(radius.RemovesOperatorView || radius.RemovesOperatorControl);
    }

    [Fact]
    public void PassiveActions_TouchNothing()
    {
        Assert.True(Radius(new NotifyAction(), ActionTarget.Site("Test plant")).IsEmpty);
        Assert.True(Radius(new OpenTicketAction(), ActionTarget.Site("Test plant")).IsEmpty);
        Assert.True(Radius(new RaiseMonitoringAction(), ActionTarget.Zone("z-cell1")).IsEmpty);
        Assert.True(Radius(new CaptureTrafficAction(), ActionTarget.Zone("z-sis")).IsEmpty);
    }

    [Fact]
    public void WrongOrUnknownTarget_IsAnUnknownReference()
    {
        Assert.Equal(["target:asset:plc-1"], Radius(new IsolateConduitAction(), ActionTarget.Asset("plc-1")).UnknownReferences);
        Assert.Equal(["conduit:nope"], Radius(new IsolateConduitAction(), ActionTarget.Conduit("nope")).UnknownReferences);
        Assert.Equal(["asset:ghost"], Radius(new QuarantineHostAction(), ActionTarget.Asset("ghost")).UnknownReferences);
    }
}

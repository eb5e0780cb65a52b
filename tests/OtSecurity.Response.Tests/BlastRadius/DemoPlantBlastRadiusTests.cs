using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.BlastRadius;

/// <summary>The blast radius of every built-in action on the demo plant (samples/data/demo-plant.site.json, docs/demo-plant.md).</summary>
public class DemoPlantBlastRadiusTests
{
    private static readonly SiteGraph Graph = SiteGraph.Build(DemoPlant.Site);

    private static ActionBlastRadius Radius(IResponseAction action, ActionTarget target, params string[] scope) =>
        BlastRadiusCalculator.Close(Graph, action.ComputeBlastRadius(new ActionProposal { ActionId = action.Id, Target = target, Reason = "test", Scope = [.. scope] }, Graph));

    [Fact]
    public void SafetyClosure_IsTheSafetyZonesOwnConduits()
    {
        // zone-safety reaches only zone-ops (Purdue 3), by USB and a temporary engineering cable.
        Assert.Equal(["cnd-ops-safety-temp", "cnd-ops-safety-usb"], Graph.SisDependentConduits.Order(StringComparer.Ordinal));
        Assert.Equal(["cnd-ops-safety-temp", "cnd-ops-safety-usb"], Graph.EmergencyStopDependentConduits.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Notify_TouchesNothing()
    {
        ActionBlastRadius radius = Radius(new NotifyAction(), ActionTarget.Site("Riverside Bottling Plant"));
        Assert.True(radius.IsEmpty);
        Assert.Equal(ProcessEffect.None, radius.Effect);
        Assert.Equal([BlastRadiusRules.None, BlastRadiusRules.Closure], radius.Rules);
    }

    [Fact]
    public void OpenTicket_TouchesNothing()
    {
        ActionBlastRadius radius = Radius(new OpenTicketAction(), ActionTarget.Site("Riverside Bottling Plant"));
        Assert.True(radius.IsEmpty);
        Assert.Equal(ProcessEffect.None, radius.Effect);
        Assert.Equal([BlastRadiusRules.None, BlastRadiusRules.Closure], radius.Rules);
    }

    [Fact]
    public void RaiseMonitoring_IsPassive()
    {
        ActionBlastRadius radius = Radius(new RaiseMonitoringAction(), ActionTarget.Zone("zone-cell1"));
        Assert.True(radius.IsEmpty);
        Assert.Equal([BlastRadiusRules.Passive, BlastRadiusRules.Closure], radius.Rules);
    }

    [Fact]
    public void CaptureTraffic_IsPassiveEvenInTheSafetyZone()
    {
        ActionBlastRadius radius = Radius(new CaptureTrafficAction(), ActionTarget.Zone("zone-safety"));
        Assert.True(radius.IsEmpty);
        Assert.Equal(ProcessEffect.Observational, radius.Effect);
    }

    [Fact]
    public void SnapshotConfiguration_ReadsTheCell1Plc()
    {
        ActionBlastRadius radius = Radius(new SnapshotConfigurationAction(), ActionTarget.Asset("c1-plc"));
        Assert.Equal(["c1-plc"], radius.Assets);
        Assert.Equal(["zone-cell1"], radius.Zones);
        Assert.Equal(["line-1"], radius.ProductionLines);
        Assert.Equal(ProcessEffect.Observational, radius.Effect);
    }

    [Fact]
    public void BlockBoundaryFlow_EngineeringWorkstation_AtTheDmzConduit()
    {
        Assert.Equal("cnd-dmz-ops", BlockBoundaryFlowAction.BoundaryConduit(Graph, "zone-ops")!.Id);
        ActionBlastRadius radius = Radius(new BlockBoundaryFlowAction(), ActionTarget.Conduit("cnd-dmz-ops"), "ops-ews");
        Assert.Equal(["ops-ews"], radius.Assets);
        Assert.Equal(["zone-dmz", "zone-ops"], radius.Zones);
        Assert.Equal(["cnd-dmz-ops"], radius.Conduits);
        Assert.False(radius.RemovesOperatorView || radius.RemovesOperatorControl);
    }

    [Fact]
    public void EndVendorSession_Acme_OnTheCell2Plc()
    {
        ActionBlastRadius radius = Radius(new EndVendorSessionAction(), ActionTarget.Vendor("vnd-acme"), "dmz-jump", "c2-plc");
        Assert.Equal(["c2-plc"], radius.Assets); // dmz-jump is outside Acme's allowed zones
        Assert.Equal(["vnd-acme"], radius.Vendors);
        Assert.Equal(["zone-ops", "zone-supervisory", "zone-cell1", "zone-cell2"], radius.Zones);
        Assert.Empty(radius.Conduits); // Acme comes through the jump host, not a vendor remote-access conduit
        Assert.Equal(ProcessEffect.InterruptsCommunication, radius.Effect);
        Assert.Equal(["line-2"], radius.ProductionLines);
        Assert.False(radius.RemovesOperatorView || radius.RemovesOperatorControl); // operators keep their own paths to c2-plc
    }

    [Fact]
    public void DisableVendorAccount_SafeLogic_ReachesTheWholeSafetyZone()
    {
        ActionBlastRadius radius = Radius(new DisableVendorAccountAction(), ActionTarget.Vendor("vnd-safelogic"));
        Assert.Equal(["sf-switch", "sf-sis", "sf-estop", "sf-panel"], radius.Assets);
        Assert.Equal(["zone-safety"], radius.Zones);
        Assert.Equal(["vnd-safelogic"], radius.Vendors);
        Assert.Empty(radius.Conduits); // SafeLogic has no remote-access conduit: it comes on site
        Assert.Equal(ProcessEffect.InterruptsCommunication, radius.Effect);
        Assert.False(radius.RemovesOperatorView || radius.RemovesOperatorControl);
        // The radius holds the SIS and the emergency stop, so both guards deny the step.
        Assert.Equal(PolicyOutcome.Denied, SafetyInstrumentedSystemGuard.Evaluate(radius, Graph).Outcome);
        Assert.Equal(PolicyOutcome.Denied, EmergencyStopGuard.Evaluate(radius, Graph).Outcome);
    }

    [Fact]
    public void DisableVendorAccount_Acme_WithoutANamedAsset_EveryAssetOfItsFourZones()
    {
        ActionBlastRadius radius = Radius(new DisableVendorAccountAction(), ActionTarget.Vendor("vnd-acme"));
        Assert.Equal(["zone-ops", "zone-supervisory", "zone-cell1", "zone-cell2"], radius.Zones);
        Assert.Contains("ops-ews", radius.Assets);
        Assert.Contains("sup-hmi-1", radius.Assets);
        Assert.Contains("c1-plc", radius.Assets);
        Assert.Contains("c2-plc", radius.Assets);
        Assert.DoesNotContain(radius.Assets, a => a.StartsWith("sf-", StringComparison.Ordinal) || a.StartsWith("dmz-", StringComparison.Ordinal));
        Assert.Equal(["line-1", "line-2"], radius.ProductionLines);
        Assert.Equal(PolicyOutcome.Automatic, SafetyInstrumentedSystemGuard.Evaluate(radius, Graph).Outcome);
    }

    [Fact]
    public void IsolateConduit_OpsToCell1_KeepsOperatorsInControlThroughSupervisory()
    {
        ActionBlastRadius radius = Radius(new IsolateConduitAction(), ActionTarget.Conduit("cnd-ops-cell1"));
        Assert.Equal(12, radius.Assets.Count);
        Assert.Contains("ops-ews", radius.Assets);
        Assert.Contains("c1-plc", radius.Assets);
        Assert.Equal(["zone-ops", "zone-cell1"], radius.Zones);
        Assert.Equal(["line-1"], radius.ProductionLines);
        Assert.False(radius.RemovesOperatorView); // the HMIs reach c1-plc through cnd-sup-cell1
    }

    [Fact]
    public void IsolateConduit_SupervisoryToCell1_TheHmisStillReachCell1ThroughOperations()
    {
        ActionBlastRadius radius = Radius(new IsolateConduitAction(), ActionTarget.Conduit("cnd-sup-cell1"));
        Assert.False(radius.RemovesOperatorView); // cnd-ops-sup + cnd-ops-cell1 remain a permanent path
        Assert.Equal(["zone-supervisory", "zone-cell1"], radius.Zones);
    }

    [Fact]
    public void IsolateConduit_SupervisoryToUtilities_RemovesTheViewOfTheSubstation()
    {
        ActionBlastRadius radius = Radius(new IsolateConduitAction(), ActionTarget.Conduit("cnd-sup-util"));
        Assert.True(radius.RemovesOperatorView);
        Assert.True(radius.RemovesOperatorControl);
        Assert.Contains(new SupervisionLoss("sup-scada", "ut-rtu"), radius.LostSupervision);
        Assert.Contains(new SupervisionLoss("ops-opcua", "ut-relay"), radius.LostSupervision);
    }

    [Fact]
    public void QuarantineHost_LocalPanel_OnlyItsOwnPairs()
    {
        ActionBlastRadius radius = Radius(new QuarantineHostAction(), ActionTarget.Asset("c1-panel"));
        Assert.All(radius.LostSupervision, l => Assert.Equal("c1-panel", l.StationAssetId));
        Assert.Contains(new SupervisionLoss("c1-panel", "c1-plc"), radius.LostSupervision);
    }

    [Fact]
    public void QuarantineHost_Line2Hmi_RemovesItsView()
    {
        ActionBlastRadius radius = Radius(new QuarantineHostAction(), ActionTarget.Asset("sup-hmi-2"));
        Assert.Equal(["sup-hmi-2"], radius.Assets);
        Assert.Equal(["line-2"], radius.ProductionLines);
        Assert.Contains(new SupervisionLoss("sup-hmi-2", "c2-plc"), radius.LostSupervision);
    }

    [Fact]
    public void RequestSafeState_Cell1Plc_StopsLine1InCell1()
    {
        ActionBlastRadius radius = Radius(new RequestSafeStateAction(), ActionTarget.Asset("c1-plc"));
        Assert.Equal(["c1-switch", "c1-plc", "c1-drive-filler", "c1-drive-capper", "c1-rio", "c1-meter", "c1-panel"], radius.Assets);
        Assert.Equal(ProcessEffect.StopsProcess, radius.Effect);
        Assert.True(radius.RemovesOperatorControl);
    }

    [Fact]
    public void RequestProcessShutdown_Line2_NoSafetyAsset()
    {
        ActionBlastRadius radius = Radius(new RequestProcessShutdownAction(), ActionTarget.ProductionLine("line-2"));
        Assert.Equal(["sup-hmi-2", "c2-switch", "c2-plc", "c2-drive-packer", "c2-drive-palletiser", "c2-rio", "c2-wbridge"], radius.Assets);
        Assert.DoesNotContain(radius.Assets, a => a.StartsWith("sf-", StringComparison.Ordinal));
    }

    [Fact]
    public void RestoreConfiguration_Cell2Plc_StopsLine2InCell2()
    {
        ActionBlastRadius radius = Radius(new RestoreConfigurationAction(), ActionTarget.Asset("c2-plc"));
        Assert.Equal(["c2-switch", "c2-plc", "c2-drive-packer", "c2-drive-palletiser", "c2-rio", "c2-wbridge"], radius.Assets);
        Assert.Equal(ProcessEffect.StopsProcess, radius.Effect);
    }
}

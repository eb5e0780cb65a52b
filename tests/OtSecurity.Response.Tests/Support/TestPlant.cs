using OtSecurity.Model;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Response.Tests.Support;

/// <summary>
/// A small plant built in code for unit tests: enterprise, DMZ, operations (L3), supervisory (L2), two cells and a
/// safety zone (SIS and an emergency stop) hanging off cell 1, a building-control zone off operations, and two
/// vendors. Times are UTC; Sunday 02:00–06:00 is the maintenance window of the cells, supervisory and operations.
/// </summary>
public static class TestPlant
{
    public static readonly DateTimeOffset InsideWindow = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);   // Sunday 03:00
    public static readonly DateTimeOffset OutsideWindow = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero); // Tuesday 10:00

    public static WeeklyWindow SundayNight => new() { Days = [DayOfWeek.Sunday], Start = new TimeOnly(2, 0), End = new TimeOnly(6, 0) };

    public static SiteModel Build() =>
        new SiteModelBuilder("Test plant", EnvironmentClass.ProductionLine, new DateOnly(2026, 11, 1))
            .AddProductionLine(new ProductionLine { Id = "line-1", Name = "Line 1" })
            .AddProductionLine(new ProductionLine { Id = "line-2", Name = "Line 2" })
            .AddZone(new Zone { Id = "z-ent", Name = "Enterprise", PurdueLevel = PurdueLevel.Level4 })
            .AddZone(new Zone { Id = "z-dmz", Name = "Industrial DMZ", PurdueLevel = PurdueLevel.Dmz })
            .AddZone(new Zone { Id = "z-ops", Name = "Operations", PurdueLevel = PurdueLevel.Level3, MaintenanceWindows = [SundayNight] })
            .AddZone(new Zone { Id = "z-sup", Name = "Supervisory", PurdueLevel = PurdueLevel.Level2, MaintenanceWindows = [SundayNight] })
            .AddZone(new Zone { Id = "z-cell1", Name = "Cell 1", PurdueLevel = PurdueLevel.Level1, MaintenanceWindows = [SundayNight] })
            .AddZone(new Zone { Id = "z-cell2", Name = "Cell 2", PurdueLevel = PurdueLevel.Level1 })
            .AddZone(new Zone { Id = "z-sis", Name = "Safety", PurdueLevel = PurdueLevel.Level1 })
            .AddZone(new Zone { Id = "z-bldg", Name = "Building control", PurdueLevel = PurdueLevel.Level1, MaintenanceWindows = [SundayNight] })
            .AddAsset(new Asset { Id = "erp", Name = "ERP server", Kind = AssetKind.Server, Criticality = Criticality.Medium }, "z-ent")
            .AddAsset(new Asset { Id = "jump", Name = "Jump host", Kind = AssetKind.RemoteAccessGateway, Criticality = Criticality.Medium }, "z-dmz")
            .AddAsset(new Asset { Id = "ews", Name = "Engineering workstation", Kind = AssetKind.EngineeringWorkstation, Criticality = Criticality.Low }, "z-ops")
            .AddAsset(new Asset { Id = "hist", Name = "Historian", Kind = AssetKind.Historian, Criticality = Criticality.Medium }, "z-ops")
            .AddAsset(new Asset { Id = "hmi-1", Name = "HMI line 1", Kind = AssetKind.Hmi, Criticality = Criticality.High, ProductionLineId = "line-1" }, "z-sup")
            .AddAsset(new Asset { Id = "hmi-2", Name = "HMI line 2", Kind = AssetKind.Hmi, Criticality = Criticality.High, ProductionLineId = "line-2" }, "z-sup")
            .AddAsset(new Asset { Id = "plc-1", Name = "Cell 1 PLC", Kind = AssetKind.Plc, Criticality = Criticality.High, ProductionLineId = "line-1" }, "z-cell1")
            .AddAsset(new Asset { Id = "drive-1", Name = "Cell 1 drive", Kind = AssetKind.Drive, Criticality = Criticality.Medium, ProductionLineId = "line-1" }, "z-cell1")
            .AddAsset(new Asset { Id = "plc-2", Name = "Cell 2 PLC", Kind = AssetKind.Plc, Criticality = Criticality.High, ProductionLineId = "line-2" }, "z-cell2")
            .AddAsset(new Asset { Id = "sis-1", Name = "SIS logic solver", Kind = AssetKind.SafetyController, SafetyRole = SafetyRole.SafetyInstrumentedFunction, Criticality = Criticality.Critical, ProductionLineId = "line-1" }, "z-sis")
            .AddAsset(new Asset { Id = "estop-1", Name = "E-stop station", Kind = AssetKind.SensorActuator, SafetyRole = SafetyRole.EmergencyStop, Criticality = Criticality.Critical, ProductionLineId = "line-1" }, "z-sis")
            .AddAsset(new Asset { Id = "bms", Name = "Building controller", Kind = AssetKind.BuildingController, Criticality = Criticality.Low }, "z-bldg")
            .AddConduit(new Conduit { Id = "cnd-ent-dmz", ZoneA = "z-ent", ZoneB = "z-dmz", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-dmz-ops", ZoneA = "z-dmz", ZoneB = "z-ops", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-ops-sup", ZoneA = "z-ops", ZoneB = "z-sup", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-sup-cell1", ZoneA = "z-sup", ZoneB = "z-cell1", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-sup-cell2", ZoneA = "z-sup", ZoneB = "z-cell2", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-cell1-sis", ZoneA = "z-cell1", ZoneB = "z-sis", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-ops-bldg", ZoneA = "z-ops", ZoneB = "z-bldg", Segmentation = SegmentationLevel.Firewall })
            .AddConduit(new Conduit { Id = "cnd-vendor-cell2", ZoneA = "z-dmz", ZoneB = "z-cell2", Segmentation = SegmentationLevel.Firewall, Channel = ChannelKind.VendorRemoteAccess })
            .AddVendor(new Vendor { Id = "vnd-integrator", Name = "Cell integrator", RemoteAccess = RemoteAccessMethod.JumpHost, AllowedZones = ["z-cell2"], AccessWindows = [SundayNight], Credentials = new VendorCredentials { SharedAccount = true }, Contact = "+1 555 0100" })
            .AddVendor(new Vendor { Id = "vnd-sis", Name = "SIS vendor", RemoteAccess = RemoteAccessMethod.Vpn, AllowedZones = ["z-sis"], Contact = "+1 555 0199" })
            .Build();

    public static Alert Alert(string[] techniques, string[] assets, AlertSeverity severity = AlertSeverity.High, params AlertEvidence[] evidence) => new()
    {
        Id = "alt-test-0001",
        Time = OutsideWindow,
        RuleId = "TEST-001",
        Severity = severity,
        Techniques = [.. techniques],
        AffectedAssets = [.. assets],
        Evidence = [.. evidence],
        Message = "Test alert",
    };
}

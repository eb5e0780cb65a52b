using System.Net;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Tests.Validation;

/// <summary>
/// A small site with no findings at all, and helpers to change one thing in it. Every rule test starts here,
/// so a rule's trigger and its near miss differ from this site by one fact.
/// </summary>
internal static class CleanSite
{
    public static readonly DateOnly EvaluationDate = new(2026, 11, 1);

    private static readonly SecurityLevelVector Sl1 = SecurityLevelVector.Uniform(SecurityLevel.SL1);
    private static readonly SecurityLevelVector Sl2 = SecurityLevelVector.Uniform(SecurityLevel.SL2);
    private static readonly SecurityLevelVector Sl3 = SecurityLevelVector.Uniform(SecurityLevel.SL3);

    public static SiteModel Build() =>
        new SiteModelBuilder("Clean plant", EnvironmentClass.ProductionLine, EvaluationDate)
            .AddProductionLine(new ProductionLine { Id = "line-1", Name = "Line 1" })
            .AddZone(Zone("z-ent", PurdueLevel.Level4, Sl1))
            .AddZone(Zone("z-dmz", PurdueLevel.Dmz, Sl2))
            .AddZone(Zone("z-ops", PurdueLevel.Level3, Sl2) with
            {
                MaintenanceWindows = [new WeeklyWindow { Days = [DayOfWeek.Sunday], Start = new TimeOnly(6, 0), End = new TimeOnly(10, 0) }],
            })
            .AddZone(Zone("z-cell", PurdueLevel.Level1, Sl2))
            .AddZone(Zone("z-safety", PurdueLevel.Level1, Sl3))
            .AddZone(Zone("z-iso", PurdueLevel.Level1, Sl1) with { AirGapped = true })
            .AddConduit(Conduit("c-ent-dmz", "z-ent", "z-dmz", SegmentationLevel.Firewall, new AllowedFlow { Protocol = "https", Port = 443, InitiatingZone = "z-ent" }))
            .AddConduit(Conduit("c-dmz-ops", "z-dmz", "z-ops", SegmentationLevel.Firewall, new AllowedFlow { Protocol = "rdp", Port = 3389, InitiatingZone = "z-dmz" }))
            .AddConduit(Conduit("c-ops-cell", "z-ops", "z-cell", SegmentationLevel.Firewall, new AllowedFlow { Protocol = "s7comm", Port = 102, InitiatingZone = "z-ops" }))
            .AddConduit(Conduit("c-cell-safety", "z-cell", "z-safety", SegmentationLevel.Firewall, new AllowedFlow { Protocol = "modbus", Port = 502, InitiatingZone = "z-cell" }))
            .AddAsset(Asset("erp", AssetKind.Server, "10.10.40.10", new DateOnly(2031, 10, 14)), "z-ent")
            .AddAsset(Asset("mirror", AssetKind.Historian, "10.10.35.10", new DateOnly(2029, 1, 9)), "z-dmz")
            .AddAsset(Asset("ews", AssetKind.EngineeringWorkstation, "10.10.30.20", new DateOnly(2030, 1, 1)), "z-ops")
            .AddAsset(Asset("plc", AssetKind.Plc, "10.10.11.10") with { ProductionLineId = "line-1" }, "z-cell")
            .AddAsset(Asset("sis", AssetKind.SafetyController, "10.10.13.10") with { SafetyRole = SafetyRole.SafetyInstrumentedFunction }, "z-safety")
            .AddAsset(Asset("estop", AssetKind.SensorActuator, "10.10.13.20") with { SafetyRole = SafetyRole.EmergencyStop }, "z-safety")
            .AddAsset(Asset("safety-switch", AssetKind.Switch, "10.10.13.2") with { SafetyRole = SafetyRole.SafetyRelated }, "z-safety")
            .AddAsset(Asset("lab-plc", AssetKind.Plc, "10.10.99.10"), "z-iso")
            .AddVendor(new Vendor
            {
                Id = "v-integrator",
                Name = "Integrator",
                RemoteAccess = RemoteAccessMethod.JumpHost,
                AllowedZones = ["z-ops"],
                AccessWindows = [new WeeklyWindow { Days = [DayOfWeek.Tuesday], Start = new TimeOnly(8, 0), End = new TimeOnly(12, 0) }],
                Credentials = new VendorCredentials { SharedAccount = false, MultiFactor = true, LastRotated = new DateOnly(2026, 6, 1) },
            })
            .Build();

    public static Zone Zone(string id, PurdueLevel level, SecurityLevelVector levels) => new()
    {
        Id = id,
        Name = $"Zone {id}",
        PurdueLevel = level,
        TargetLevel = levels,
        AchievedLevel = levels,
        CapabilityLevel = levels,
    };

    public static Conduit Conduit(string id, string a, string b, SegmentationLevel segmentation, params AllowedFlow[] flows) => new()
    {
        Id = id,
        ZoneA = a,
        ZoneB = b,
        Segmentation = segmentation,
        AllowedFlows = flows,
    };

    public static Asset Asset(string id, AssetKind kind, string ip, DateOnly? endOfSupport = null) => new()
    {
        Id = id,
        Name = $"Asset {id}",
        Kind = kind,
        Interfaces = [new AssetNetworkInterface { IpAddress = IPAddress.Parse(ip), Vlan = 10 }],
        OperatingSystem = endOfSupport is { } end ? new OperatingSystemInfo { Name = "Windows", EndOfSupport = end } : null,
    };

    public static SiteModel WithZone(this SiteModel site, string id, Func<Zone, Zone> change) =>
        site with { Zones = site.Zones.Select(z => z.Id == id ? change(z) : z).ToEquatableArray() };

    public static SiteModel WithAsset(this SiteModel site, string id, Func<Asset, Asset> change) =>
        site with { Assets = site.Assets.Select(a => a.Id == id ? change(a) : a).ToEquatableArray() };

    public static SiteModel WithConduit(this SiteModel site, string id, Func<Conduit, Conduit> change) =>
        site with { Conduits = site.Conduits.Select(c => c.Id == id ? change(c) : c).ToEquatableArray() };

    public static SiteModel WithVendor(this SiteModel site, string id, Func<Vendor, Vendor> change) =>
        site with { Vendors = site.Vendors.Select(v => v.Id == id ? change(v) : v).ToEquatableArray() };

    public static SiteModel AddConduit(this SiteModel site, Conduit conduit) => site with { Conduits = site.Conduits.Add(conduit) };

    /// <summary>Adds an asset and lists it in zone <paramref name="zoneId"/>.</summary>
    public static SiteModel AddAsset(this SiteModel site, Asset asset, string zoneId) =>
        (site with { Assets = site.Assets.Add(asset) }).WithZone(zoneId, z => z with { AssetIds = z.AssetIds.Add(asset.Id) });
}

using OtSecurity.Model;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Risk.Tests;

/// <summary>
/// A small plant for hand computations:
/// ent (Purdue 4) —firewall— dmz (3.5) —firewall— ops (3) —VLAN— cell (1); ops —removable media, air gap— safety (1, declared air-gapped).
/// cell: plc (critical, vendor certification required, line-1), hmi (Windows XP, support ended 2014-04-08); vendor "acme" has always-on,
/// shared, no-MFA jump-host access into cell, credentials last rotated 2025-01-01 (669 days before the 2026-11-01 evaluation).
/// </summary>
internal static class TestSites
{
    public static readonly DateOnly EvaluationDate = new(2026, 11, 1); // a Sunday

    public static SiteModel Plant(
        EnvironmentClass environment = EnvironmentClass.ProductionLine,
        SegmentationLevel entDmz = SegmentationLevel.Firewall,
        SegmentationLevel dmzOps = SegmentationLevel.Firewall,
        SegmentationLevel opsCell = SegmentationLevel.Vlan,
        SegmentationLevel opsSafety = SegmentationLevel.AirGap)
    {
        return new SiteModelBuilder("test plant", environment, EvaluationDate)
            .AddProductionLine(new ProductionLine { Id = "line-1", Name = "Line 1" })
            .AddZone(new Zone { Id = "ent", Name = "Enterprise", PurdueLevel = PurdueLevel.Level4 })
            .AddZone(new Zone { Id = "dmz", Name = "DMZ", PurdueLevel = PurdueLevel.Dmz })
            .AddZone(new Zone { Id = "ops", Name = "Operations", PurdueLevel = PurdueLevel.Level3 })
            .AddZone(new Zone
            {
                Id = "cell",
                Name = "Cell",
                PurdueLevel = PurdueLevel.Level1,
                MaintenanceWindows = [new WeeklyWindow { Days = [DayOfWeek.Sunday], Start = new TimeOnly(6, 0), End = new TimeOnly(14, 0) }],
            })
            .AddZone(new Zone { Id = "safety", Name = "Safety", PurdueLevel = PurdueLevel.Level1, AirGapped = true, CompensatingControls = ["SIS keyswitch in RUN"] })
            .AddConduit(new Conduit { Id = "c-ent-dmz", ZoneA = "ent", ZoneB = "dmz", Segmentation = entDmz })
            .AddConduit(new Conduit { Id = "c-dmz-ops", ZoneA = "dmz", ZoneB = "ops", Segmentation = dmzOps })
            .AddConduit(new Conduit { Id = "c-ops-cell", ZoneA = "ops", ZoneB = "cell", Segmentation = opsCell })
            .AddConduit(new Conduit { Id = "c-ops-safety", ZoneA = "ops", ZoneB = "safety", Segmentation = opsSafety, Channel = ChannelKind.RemovableMedia })
            .AddAsset(new Asset { Id = "erp", Name = "ERP", Kind = AssetKind.Server, Criticality = Criticality.Medium }, "ent")
            .AddAsset(new Asset { Id = "hist", Name = "Historian", Kind = AssetKind.Historian, Criticality = Criticality.High }, "ops")
            .AddAsset(new Asset { Id = "plc", Name = "Line PLC", Kind = AssetKind.Plc, Criticality = Criticality.Critical, Patchability = Patchability.VendorCertificationRequired, ProductionLineId = "line-1" }, "cell")
            .AddAsset(new Asset
            {
                Id = "hmi",
                Name = "Line HMI",
                Kind = AssetKind.Hmi,
                Criticality = Criticality.High,
                OperatingSystem = new OperatingSystemInfo { Name = "Windows XP", Version = "SP3", EndOfSupport = new DateOnly(2014, 4, 8) },
            }, "cell")
            .AddAsset(new Asset { Id = "sis", Name = "SIS", Kind = AssetKind.SafetyController, Criticality = Criticality.Critical, SafetyRole = SafetyRole.SafetyInstrumentedFunction }, "safety")
            .AddVendor(new Vendor
            {
                Id = "acme",
                Name = "Acme",
                RemoteAccess = RemoteAccessMethod.JumpHost,
                AllowedZones = ["cell"],
                Credentials = new VendorCredentials { SharedAccount = true, MultiFactor = false, LastRotated = new DateOnly(2025, 1, 1) },
            })
            .Build();
    }

    /// <summary>The repository root: the folder holding OtSecurity.Sdk.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "OtSecurity.Sdk.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("OtSecurity.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}

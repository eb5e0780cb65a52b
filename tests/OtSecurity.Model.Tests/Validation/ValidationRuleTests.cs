using System.Net;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Tests.Validation;

/// <summary>
/// Every rule with a model that triggers it and a near miss that does not. Each case names the rule, the model
/// that triggers it, the path and a fragment of the message expected, and the near miss.
/// </summary>
public class ValidationRuleTests
{
    public sealed record Case(string RuleId, Func<SiteModel> Trigger, string Path, string Message, Func<SiteModel> NearMiss)
    {
        public override string ToString() => RuleId;
    }

    private static SiteModel Clean => CleanSite.Build();

    private static readonly DateOnly Past = new(2014, 4, 8);

    public static IEnumerable<Case> Cases() =>
    [
        new("OTS-ID-001", () => Clean.WithAsset("erp", a => a with { Id = " " }), "assets[0]", "has no id",
            () => Clean.WithAsset("erp", a => a with { Name = " " })),
        new("OTS-ID-002", () => Clean.WithZone("z-dmz", z => z with { Id = "z-ent" }), "zones[1]", "'z-ent' is used more than once (first at position 0)",
            () => Clean.AddAsset(CleanSite.Asset("z-ent", AssetKind.Server, "10.10.40.11"), "z-ent")),
        new("OTS-ID-003", () => Clean.WithZone("z-ops", z => z with { AssetIds = z.AssetIds.Add("ghost") }), "zones[z-ops].assetIds[1]", "lists asset 'ghost'",
            () => Clean.WithZone("z-ops", z => z with { AssetIds = ["ews"] })),
        new("OTS-ID-003", () => Clean.WithAsset("plc", a => a with { ProductionLineId = "line-9" }), "assets[plc].productionLineId", "production line 'line-9'",
            () => Clean.WithAsset("plc", a => a with { ProductionLineId = null })),
        new("OTS-ID-003", () => Clean.WithVendor("v-integrator", v => v with { AllowedZones = ["z-nowhere"] }), "vendors[v-integrator].allowedZones[0]", "zone 'z-nowhere'",
            () => Clean.WithVendor("v-integrator", v => v with { AllowedZones = ["z-cell"] })),
        new("OTS-ID-004", () => Clean with { Zones = Clean.Zones.Add(null!) }, "zones[6]", "is empty (null)",
            () => Clean with { Zones = Clean.Zones }),
        new("OTS-ZN-001", () => Clean with { Assets = Clean.Assets.Add(CleanSite.Asset("stray", AssetKind.Workstation, "10.10.30.99")) }, "assets[stray]", "is in no zone",
            () => Clean.AddAsset(CleanSite.Asset("stray", AssetKind.Workstation, "10.10.30.99"), "z-ops")),
        new("OTS-ZN-002", () => Clean.WithZone("z-cell", z => z with { AssetIds = z.AssetIds.Add("ews") }), "assets[ews]", "is listed in 2 zones",
            () => Clean),
        new("OTS-ZN-002", () => Clean.WithZone("z-cell", z => z with { AssetIds = z.AssetIds.Add("plc") }), "zones[z-cell].assetIds[1]", "lists asset 'plc' twice",
            () => Clean),
        new("OTS-SF-001", () => Clean.AddAsset(CleanSite.Asset("laptop", AssetKind.Workstation, "10.10.13.50"), "z-safety"), "zones[z-safety]", "non-safety assets Asset laptop (laptop)",
            () => Clean.AddAsset(CleanSite.Asset("laptop", AssetKind.Workstation, "10.10.13.50"), "z-cell")),
        new("OTS-SF-002", () => Clean.WithConduit("c-cell-safety", c => c with { Channel = ChannelKind.Wireless }), "conduits[c-cell-safety]", "wireless link into safety zone",
            () => Clean.WithConduit("c-ops-cell", c => c with { Channel = ChannelKind.Wireless })),
        new("OTS-SF-002", () => Clean.WithZone("z-safety", z => z with { WirelessPresent = true }), "zones[z-safety]", "has a wireless network present",
            () => Clean.WithZone("z-cell", z => z with { WirelessPresent = true })),
        new("OTS-SF-002", () => Clean.AddAsset(CleanSite.Asset("ap", AssetKind.WirelessAccessPoint, "10.10.13.60") with { SafetyRole = SafetyRole.SafetyRelated }, "z-safety"), "assets[ap]", "Wireless access point",
            () => Clean.AddAsset(CleanSite.Asset("ap", AssetKind.WirelessAccessPoint, "10.10.11.60"), "z-cell")),
        new("OTS-SF-003", () => Clean.WithAsset("sis", a => a with { SafetyRole = SafetyRole.None }), "assets[sis].safetyRole", "is a safety controller but its safety role is none",
            () => Clean.WithAsset("sis", a => a with { SafetyRole = SafetyRole.EmergencyStop })),
        new("OTS-CD-001", () => Clean.WithConduit("c-ops-cell", c => c with { ZoneB = "z-ops" }), "conduits[c-ops-cell]", "to itself",
            () => Clean),
        new("OTS-CD-002", () => Clean.WithConduit("c-ops-cell", c => c with { ZoneB = "z-mars" }), "conduits[c-ops-cell].zoneB", "zone 'z-mars'",
            () => Clean),
        new("OTS-CD-002", () => Clean.WithConduit("c-ops-cell", c => c with { ZoneA = "" }), "conduits[c-ops-cell].zoneA", "has no zoneA",
            () => Clean),
        new("OTS-CD-003", () => Clean.AddConduit(CleanSite.Conduit("c-ent-cell", "z-ent", "z-cell", SegmentationLevel.Firewall)), "conduits[c-ent-cell]", "straight to zone Zone z-cell (z-cell) at Purdue 1 with a firewall",
            () => Clean.AddConduit(CleanSite.Conduit("c-ent-cell", "z-ent", "z-cell", SegmentationLevel.Dmz))),
        new("OTS-CD-004", () => Clean.AddConduit(CleanSite.Conduit("c-ent-ops", "z-ops", "z-ent", SegmentationLevel.Vlan)), "conduits[c-ent-ops]", "with VLAN separation only",
            () => Clean.AddConduit(CleanSite.Conduit("c-ent-ops", "z-ops", "z-ent", SegmentationLevel.Firewall))),
        new("OTS-CD-005", () => Clean.WithConduit("c-ops-cell", c => c with { AllowedFlows = [new AllowedFlow { Protocol = "s7comm", Port = 102, InitiatingZone = "z-ent" }] }), "conduits[c-ops-cell].allowedFlows[0].initiatingZone", "initiated by zone 'z-ent'",
            () => Clean.WithConduit("c-ops-cell", c => c with { AllowedFlows = [new AllowedFlow { Protocol = "s7comm", Port = 102, InitiatingZone = "z-cell" }] })),
        new("OTS-CD-006", () => Clean.WithConduit("c-ops-cell", c => c with { AllowedFlows = [c.AllowedFlows[0] with { Port = 70000 }] }), "conduits[c-ops-cell].allowedFlows[0].port", "port 70000",
            () => Clean.WithConduit("c-ops-cell", c => c with { AllowedFlows = [c.AllowedFlows[0] with { Port = 65535 }] })),
        new("OTS-SL-001", () => Clean.WithZone("z-cell", z => z with { AchievedLevel = z.TargetLevel!.Value.With(FoundationalRequirement.SystemIntegrity, SecurityLevel.SL0) }), "zones[z-cell].achievedLevel", "achieves SL 0 for FR 3 system integrity (SI) against a target of SL 2: a gap of 2 levels",
            () => Clean.WithZone("z-cell", z => z with { AchievedLevel = z.TargetLevel!.Value.With(FoundationalRequirement.SystemIntegrity, SecurityLevel.SL4) })),
        new("OTS-SL-002", () => Clean.WithZone("z-cell", z => z with { CapabilityLevel = z.TargetLevel!.Value.With(FoundationalRequirement.ResourceAvailability, SecurityLevel.SL1) }), "zones[z-cell].capabilityLevel", "at most SL 1 for FR 7 resource availability (RA) against a target of SL 2 (a gap of 1 level)",
            () => Clean.WithZone("z-cell", z => z with { CapabilityLevel = null })),
        new("OTS-SL-003", () => Clean.WithZone("z-cell", z => z with { TargetLevel = null }), "zones[z-cell]", "has no target security level",
            () => Clean.WithZone("z-cell", z => z with { AchievedLevel = SecurityLevelVector.Uniform(SecurityLevel.SL4) })),
        new("OTS-SL-004", () => Clean.WithZone("z-cell", z => z with { AchievedLevel = null }), "zones[z-cell]", "no achieved level",
            () => Clean.WithZone("z-cell", z => z with { AchievedLevel = null, TargetLevel = null }).WithZone("z-cell", z => z with { TargetLevel = z.CapabilityLevel, AchievedLevel = z.CapabilityLevel })),
        new("OTS-AG-001", () => Clean.AddConduit(CleanSite.Conduit("c-iso", "z-iso", "z-cell", SegmentationLevel.Firewall)), "conduits[c-iso]", "is a wired network connection to zone Zone z-cell (z-cell) (a firewall)",
            () => Clean.AddConduit(CleanSite.Conduit("c-ops-cell2", "z-ops", "z-cell", SegmentationLevel.Firewall))),
        new("OTS-AG-002", () => Clean.WithVendor("v-integrator", v => v with { AllowedZones = ["z-ops", "z-iso"] }), "vendors[v-integrator].allowedZones[1]", "reaches it remotely (through the jump host)",
            () => Clean.WithVendor("v-integrator", v => v with { RemoteAccess = RemoteAccessMethod.None, AllowedZones = ["z-ops", "z-iso"] })),
        new("OTS-AG-002", () => Clean.AddConduit(CleanSite.Conduit("c-iso", "z-iso", "z-dmz", SegmentationLevel.Firewall) with { Channel = ChannelKind.VendorRemoteAccess }), "conduits[c-iso]", "gives vendor remote access",
            () => Clean.AddConduit(CleanSite.Conduit("c-x", "z-ops", "z-dmz", SegmentationLevel.Firewall) with { Channel = ChannelKind.VendorRemoteAccess })),
        new("OTS-AG-003", () => Clean.AddConduit(CleanSite.Conduit("c-usb", "z-ops", "z-iso", SegmentationLevel.AirGap) with { Channel = ChannelKind.RemovableMedia }), "conduits[c-usb]", "carries removable media",
            () => Clean.AddConduit(CleanSite.Conduit("c-usb", "z-ops", "z-cell", SegmentationLevel.AirGap) with { Channel = ChannelKind.RemovableMedia })),
        new("OTS-AG-004", () => Clean.AddConduit(CleanSite.Conduit("c-tmp", "z-ops", "z-iso", SegmentationLevel.None) with { Channel = ChannelKind.TemporaryConnection }), "conduits[c-tmp]", "is a temporary connection",
            () => Clean.AddConduit(CleanSite.Conduit("c-tmp", "z-ops", "z-cell", SegmentationLevel.Firewall) with { Channel = ChannelKind.TemporaryConnection })),
        new("OTS-AG-005", () => Clean.AddConduit(CleanSite.Conduit("c-radio", "z-ops", "z-iso", SegmentationLevel.Firewall) with { Channel = ChannelKind.Wireless }), "conduits[c-radio]", "is a wireless link",
            () => Clean.AddConduit(CleanSite.Conduit("c-radio", "z-ops", "z-cell", SegmentationLevel.Firewall) with { Channel = ChannelKind.Wireless })),
        new("OTS-AG-005", () => Clean.WithZone("z-iso", z => z with { WirelessPresent = true }), "zones[z-iso]", "wireless network present",
            () => Clean.WithZone("z-iso", z => z with { WirelessPresent = false })),
        new("OTS-AG-005", () => Clean.AddAsset(CleanSite.Asset("ap", AssetKind.WirelessAccessPoint, "10.10.99.60"), "z-iso"), "assets[ap]", "the access point is a path into the zone",
            () => Clean.AddAsset(CleanSite.Asset("ap", AssetKind.Switch, "10.10.99.60"), "z-iso")),
        new("OTS-AS-001", () => Clean.WithAsset("ews", a => a with { OperatingSystem = new OperatingSystemInfo { Name = "Windows XP", Version = "SP3", EndOfSupport = Past } }), "assets[ews]", "runs Windows XP SP3, out of support since 2014-04-08",
            () => Clean.WithAsset("ews", a => a with { OperatingSystem = new OperatingSystemInfo { Name = "Windows XP", Version = "SP3", EndOfSupport = Past } })
                .WithZone("z-ops", z => z with { CompensatingControls = ["Application allow-listing"] })),
        new("OTS-AS-002", () => Clean.WithAsset("ews", a => a with { Interfaces = [new AssetNetworkInterface { IpAddress = IPAddress.Parse("10.10.40.10") }] }), "assets[ews].interfaces[0].ipAddress", "has IP address 10.10.40.10, which Asset erp (erp) also has",
            () => Clean.WithAsset("ews", a => a with { Interfaces = [new AssetNetworkInterface { IpAddress = IPAddress.Parse("10.10.30.21") }] })),
        new("OTS-AS-003", () => Clean.WithAsset("plc", a => a with { Interfaces = [a.Interfaces[0] with { Vlan = 4095 }] }), "assets[plc].interfaces[0].vlan", "VLAN 4095",
            () => Clean.WithAsset("plc", a => a with { Interfaces = [a.Interfaces[0] with { Vlan = 4094 }] })),
        new("OTS-VD-001", () => Clean.WithVendor("v-integrator", v => v with { Credentials = v.Credentials! with { SharedAccount = true } }), "vendors[v-integrator].credentials.sharedAccount", "uses a shared account",
            () => Clean.WithVendor("v-integrator", v => v with { Credentials = v.Credentials! with { MultiFactor = false } })),
        new("OTS-VD-002", () => Clean.WithVendor("v-integrator", v => v with { Credentials = v.Credentials! with { LastRotated = null } }), "vendors[v-integrator].credentials.lastRotated", "have never been changed",
            () => Clean.WithVendor("v-integrator", v => v with { Credentials = null })),
        new("OTS-VD-003", () => Clean.WithVendor("v-integrator", v => v with { AccessWindows = [] }), "vendors[v-integrator].accessWindows", "no access window",
            () => Clean.WithVendor("v-integrator", v => v with { AccessWindows = [], RemoteAccess = RemoteAccessMethod.None })),
        new("OTS-VD-004", () => Clean.WithVendor("v-integrator", v => v with { Credentials = v.Credentials! with { LastRotated = new DateOnly(2025, 10, 31) } }), "vendors[v-integrator].credentials.lastRotated", "last changed on 2025-10-31",
            () => Clean.WithVendor("v-integrator", v => v with { Credentials = v.Credentials! with { LastRotated = new DateOnly(2025, 11, 1) } })),
        new("OTS-VD-005", () => Clean.WithVendor("v-integrator", v => v with { AllowedZones = [] }), "vendors[v-integrator].allowedZones", "no allowed zones",
            () => Clean.WithVendor("v-integrator", v => v with { AllowedZones = [], RemoteAccess = RemoteAccessMethod.None })),
        new("OTS-TW-001", () => Clean.WithZone("z-ops", z => z with { MaintenanceWindows = [z.MaintenanceWindows[0] with { Days = [] }] }), "zones[z-ops].maintenanceWindows[0]", "lists no days",
            () => Clean.WithZone("z-ops", z => z with { MaintenanceWindows = [z.MaintenanceWindows[0] with { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday] }] })),
        new("OTS-TW-001", () => Clean.WithVendor("v-integrator", v => v with { AccessWindows = [v.AccessWindows[0] with { Days = [] }] }), "vendors[v-integrator].accessWindows[0]", "access window of vendor Integrator",
            () => Clean),
        new("OTS-SITE-001", () => Clean with { TimeZone = "Mars/Olympus_Mons" }, "timeZone", "'Mars/Olympus_Mons' is not known",
            () => Clean with { TimeZone = "UTC" }),
    ];

    public static TheoryData<Case> AllCases() => [.. Cases()];

    [Fact]
    public void CleanSite_HasNoFindings()
    {
        ValidationReport report = SiteModelValidator.Validate(CleanSite.Build());
        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Rule_Trigger_RaisesOneFindingAtThePathWithAPlainMessage(Case c)
    {
        ValidationReport report = SiteModelValidator.Validate(c.Trigger());
        ValidationFinding[] findings = [.. report.ForRule(c.RuleId)];
        ValidationFinding finding = Assert.Single(findings);
        Assert.Equal(c.Path, finding.Path);
        Assert.Contains(c.Message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationRules.Find(c.RuleId)!.Severity, finding.Severity);
        Assert.Equal(report.HasErrors, report.Findings.Any(static f => f.Severity == FindingSeverity.Error));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Rule_NearMiss_RaisesNothing(Case c)
    {
        ValidationReport report = SiteModelValidator.Validate(c.NearMiss());
        Assert.Empty(report.ForRule(c.RuleId));
    }

    [Fact]
    public void EveryRule_HasATestCase_AndIdsAreStableAndUnique()
    {
        HashSet<string> tested = [.. Cases().Select(static c => c.RuleId)];
        Assert.All(ValidationRules.All, rule => Assert.Contains(rule.Id, tested));
        Assert.Equal(ValidationRules.All.Count, ValidationRules.All.Select(static r => r.Id).Distinct().Count());
        Assert.All(ValidationRules.All, static r => Assert.Matches("^OTS-[A-Z]+-[0-9]{3}$", r.Id));
    }

    [Fact]
    public void EveryRule_IsDocumented()
    {
        string doc = File.ReadAllText(Path.Combine(Support.RepositoryPaths.Root, "docs", "validation-rules.md"));
        Assert.All(ValidationRules.All, rule => Assert.Contains($"## {rule.Id}", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void AirGapErosion_NamesEachPathSeparately()
    {
        SiteModel site = Clean
            .AddConduit(CleanSite.Conduit("c-usb", "z-ops", "z-iso", SegmentationLevel.AirGap) with { Channel = ChannelKind.RemovableMedia })
            .AddConduit(CleanSite.Conduit("c-tmp", "z-cell", "z-iso", SegmentationLevel.None) with { Channel = ChannelKind.TemporaryConnection })
            .WithZone("z-iso", z => z with { WirelessPresent = true })
            .WithVendor("v-integrator", v => v with { AllowedZones = ["z-iso"] });

        ValidationFinding[] erosion = [.. SiteModelValidator.Validate(site).Findings.Where(static f => f.RuleId.StartsWith("OTS-AG-", StringComparison.Ordinal))];

        Assert.Equal(
            ["OTS-AG-002 vendors[v-integrator].allowedZones[0]", "OTS-AG-003 conduits[c-usb]", "OTS-AG-004 conduits[c-tmp]", "OTS-AG-005 zones[z-iso]"],
            erosion.Select(static f => $"{f.RuleId} {f.Path}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DuplicateIds_AreNamedByIndexInPaths()
    {
        SiteModel site = Clean.WithZone("z-dmz", z => z with { Id = "z-ent" });
        ValidationReport report = SiteModelValidator.Validate(site);
        Assert.Contains(report.Findings, static f => f.RuleId == "OTS-ID-002" && f.Path == "zones[1]");
        Assert.DoesNotContain(report.Findings, static f => f.Path.StartsWith("zones[z-ent]", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_OrdersErrorsBeforeWarningsBeforeInfo()
    {
        SiteModel site = Clean
            .WithZone("z-cell", z => z with { AchievedLevel = null })
            .WithVendor("v-integrator", v => v with { AccessWindows = [] })
            .WithConduit("c-ops-cell", c => c with { ZoneB = "z-ops" });
        FindingSeverity[] severities = [.. SiteModelValidator.Validate(site).Findings.Select(static f => f.Severity)];
        Assert.Equal([FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info], severities);
    }
}

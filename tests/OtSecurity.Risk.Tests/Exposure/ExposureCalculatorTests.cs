using OtSecurity.Model.Alerts;
using OtSecurity.Model.Conduits;
using OtSecurity.Risk.Exposure;

namespace OtSecurity.Risk.Tests.Exposure;

public class ExposureCalculatorTests
{
    [Fact]
    public void ForZone_Cell_HandComputed()
    {
        // Weakest path cell → ops (VLAN) → dmz (firewall) → ent (firewall): strongest barrier firewall → 18.
        // Erosion: vendor Acme jump host into the cell → 10.
        // Vendor posture: always on 6 + shared 5 + no MFA 3 + credentials 669 days old 4 + not recorded 3 = 21, capped at 20.
        // Legacy: hmi (Windows XP, support ended 2014-04-08) → 8. Patchability: plc needs vendor certification → 2.
        // Score = 18 + 10 + 20 + 8 + 2 = 58; multiplier = 2^((58 − 40)/15) = 2^1.2 = 2.2974.
        var calc = new ExposureCalculator(TestSites.Plant());
        ExposureScore score = calc.ForZone("cell");
        Assert.Equal(58, score.Score, 9);
        Assert.Equal(2.2973967, score.ThreatFrequencyMultiplier, 6);
        Assert.Equal(SegmentationLevel.Firewall, score.WeakestPath!.Protection);
        Assert.Equal(["cell", "ops", "dmz", "ent"], score.WeakestPath.ZoneIds);
        Assert.Equal(["c-ops-cell", "c-dmz-ops", "c-ent-dmz"], score.WeakestPath.ConduitIds);
        Assert.Equal(18, score.Factors.Single(f => f.Kind == ExposureFactorKind.Segmentation).Points);
        Assert.Equal(20, score.Factors.Where(f => f.Kind == ExposureFactorKind.VendorAccessPosture).Sum(f => f.Points), 9);
        Assert.Contains(score.Factors, f => f.Kind == ExposureFactorKind.VendorAccessPosture && f.Description.Contains("669 days old", StringComparison.Ordinal));
        Assert.Equal(8, score.Factors.Single(f => f.Kind == ExposureFactorKind.LegacyOperatingSystem).Points);
        Assert.Equal(score.RawScore, score.Factors.Sum(f => f.Points), 9); // decomposable
    }

    [Fact]
    public void ForZone_AirGappedSafety_OnlyErosionCounts()
    {
        // No wired path (the only conduit is removable media) → segmentation 0; removable media → 6.
        // Score 6; multiplier 2^((6 − 40)/15) = 0.2078.
        var score = new ExposureCalculator(TestSites.Plant()).ForZone("safety");
        Assert.Null(score.WeakestPath);
        Assert.Equal(6, score.Score, 9);
        Assert.InRange(score.ThreatFrequencyMultiplier, 0.207809, 0.207810);
        Assert.Equal(ExposureFactorKind.RemovableMedia, score.Factors[0].Kind);
    }

    [Fact]
    public void ForZone_AirGappedWithWiredLink_CountsMonitoringConnection()
    {
        // A wired, firewalled link out of a zone declared air-gapped: a monitoring connection (5) and a firewall path (18).
        var site = TestSites.Plant(opsSafety: SegmentationLevel.Firewall);
        site = site with { Conduits = [.. site.Conduits.Select(c => c.Id == "c-ops-safety" ? c with { Channel = ChannelKind.Wired } : c)] };
        var score = new ExposureCalculator(site).ForZone("safety");
        Assert.Equal(5, score.Factors.Single(f => f.Kind == ExposureFactorKind.MonitoringConnection).Points);
        Assert.Equal(23, score.Score, 9);
    }

    [Theory]
    // Every air-gap erosion path, alone, on the conduit between ops and the declared air-gapped safety zone. A channel
    // that is not wired carries no routed traffic, so the safety zone has no wired path to the enterprise (segmentation 0)
    // and its score is the erosion factor alone; a wired link out of an air-gapped zone is a monitoring connection.
    [InlineData(ChannelKind.RemovableMedia, SegmentationLevel.AirGap, ExposureFactorKind.RemovableMedia, 6, 6)]
    [InlineData(ChannelKind.TemporaryConnection, SegmentationLevel.Firewall, ExposureFactorKind.TemporaryConnection, 6, 6)]
    [InlineData(ChannelKind.Wireless, SegmentationLevel.Vlan, ExposureFactorKind.Wireless, 8, 8)]
    [InlineData(ChannelKind.VendorRemoteAccess, SegmentationLevel.Firewall, ExposureFactorKind.VendorConnection, 10, 10)]
    [InlineData(ChannelKind.Wired, SegmentationLevel.Firewall, ExposureFactorKind.MonitoringConnection, 5, 23)] // + firewall path 18
    [InlineData(ChannelKind.Wired, SegmentationLevel.Vlan, ExposureFactorKind.MonitoringConnection, 5, 23)]     // VLAN here, but the path crosses two firewalls: 18
    public void ForZone_AirGapped_EachErosionPath_HandComputed(ChannelKind channel, SegmentationLevel level, ExposureFactorKind kind, double points, double score)
    {
        var site = TestSites.Plant(opsSafety: level);
        site = site with { Conduits = [.. site.Conduits.Select(c => c.Id == "c-ops-safety" ? c with { Channel = channel } : c)] };
        ExposureScore exposure = new ExposureCalculator(site).ForZone("safety");
        ExposureFactor factor = exposure.Factors.Single(f => f.Kind == kind);
        Assert.Equal(points, factor.Points);
        Assert.Equal("c-ops-safety", factor.Evidence);
        Assert.Equal(score, exposure.Score, 9);
        Assert.Equal(score, exposure.Factors.Sum(f => f.Points), 9);
    }

    [Fact]
    public void ForZone_WirelessPresentInTheZone_CountsAsErosion()
    {
        // Wireless inside the declared air-gapped zone: 8 points on top of removable media 6 → 14.
        var site = TestSites.Plant();
        site = site with { Zones = [.. site.Zones.Select(z => z.Id == "safety" ? z with { WirelessPresent = true } : z)] };
        ExposureScore exposure = new ExposureCalculator(site).ForZone("safety");
        Assert.Equal(14, exposure.Score, 9);
        ExposureFactor wireless = exposure.Factors.Single(f => f.Kind == ExposureFactorKind.Wireless);
        Assert.Equal(8, wireless.Points);
        Assert.Equal("safety", wireless.Evidence);
    }

    [Fact]
    public void ForZone_ErosionPaths_AreCappedAtThirtyPoints()
    {
        // Removable media 6 (c-ops-safety) + temporary 6 (c-t) + vendor link 10 (c-v) + wireless link 8 (c-w) + wireless in
        // the zone 8 = 38 → capped at 30: factors are taken in conduit-id order (c-ops-safety 6, c-t 6, c-v 10 = 22),
        // then c-w gets the remaining 8 and the zone's own wireless 0.
        var site = TestSites.Plant();
        site = site with
        {
            Zones = [.. site.Zones.Select(z => z.Id == "safety" ? z with { WirelessPresent = true } : z)],
            Conduits =
            [
                .. site.Conduits,
                new Conduit { Id = "c-t", ZoneA = "safety", ZoneB = "ops", Segmentation = SegmentationLevel.Firewall, Channel = ChannelKind.TemporaryConnection },
                new Conduit { Id = "c-v", ZoneA = "safety", ZoneB = "dmz", Segmentation = SegmentationLevel.Firewall, Channel = ChannelKind.VendorRemoteAccess },
                new Conduit { Id = "c-w", ZoneA = "safety", ZoneB = "cell", Segmentation = SegmentationLevel.Vlan, Channel = ChannelKind.Wireless },
            ],
        };
        ExposureScore exposure = new ExposureCalculator(site).ForZone("safety");
        ExposureFactorKind[] erosion = [ExposureFactorKind.RemovableMedia, ExposureFactorKind.TemporaryConnection, ExposureFactorKind.VendorConnection, ExposureFactorKind.Wireless, ExposureFactorKind.MonitoringConnection];
        Assert.Equal(30, exposure.Factors.Where(f => erosion.Contains(f.Kind)).Sum(f => f.Points), 9);
        Assert.Equal(8, exposure.Factors.Single(f => f.Evidence == "c-w").Points);
        Assert.Equal(0, exposure.Factors.Single(f => f.Kind == ExposureFactorKind.Wireless && f.Evidence == "safety").Points);
        Assert.Equal(30, exposure.Score, 9);
    }

    [Fact]
    public void VendorPosture_WindowedMfaVendor_OnlyCredentialAgeAndLogging()
    {
        // Acme with an access window, its own MFA account rotated 2026-05-01 (184 days before 2026-11-01):
        // credentials older than 90 days 2 + sessions not recorded 3 = 5 (no always-on, shared or MFA points).
        // Cell: firewall path 18 + vendor connection 10 + posture 5 + legacy 8 + certification 2 = 43.
        var site = TestSites.Plant();
        site = site with
        {
            Vendors = [.. site.Vendors.Select(v => v with
            {
                AccessWindows = [new OtSecurity.Model.WeeklyWindow { Days = [DayOfWeek.Sunday], Start = new TimeOnly(6, 0), End = new TimeOnly(14, 0) }],
                Credentials = new OtSecurity.Model.Vendors.VendorCredentials { SharedAccount = false, MultiFactor = true, LastRotated = new DateOnly(2026, 5, 1) },
            })],
        };
        ExposureScore exposure = new ExposureCalculator(site).ForZone("cell");
        ExposureFactor[] posture = [.. exposure.Factors.Where(f => f.Kind == ExposureFactorKind.VendorAccessPosture)];
        Assert.Equal(2, posture.Length);
        Assert.Contains(posture, f => f.Points == 2 && f.Description.Contains("184 days old", StringComparison.Ordinal));
        Assert.Contains(posture, f => f.Points == 3 && f.Description.Contains("not recorded", StringComparison.Ordinal));
        Assert.Equal(43, exposure.Score, 9);

        // Credentials with no rotation date count as never rotated: 5 instead of 2 → 46.
        site = site with { Vendors = [.. site.Vendors.Select(v => v with { Credentials = v.Credentials! with { LastRotated = null } })] };
        exposure = new ExposureCalculator(site).ForZone("cell");
        Assert.Contains(exposure.Factors, f => f.Kind == ExposureFactorKind.VendorAccessPosture && f.Points == 5 && f.Description.Contains("never rotated", StringComparison.Ordinal));
        Assert.Equal(46, exposure.Score, 9);
    }

    [Fact]
    public void ForAsset_NoPatchAvailable_SixPoints()
    {
        // plc with no patch available instead of vendor certification: zone factors 48 + no patch 6 = 54.
        var site = TestSites.Plant();
        site = site with { Assets = [.. site.Assets.Select(a => a.Id == "plc" ? a with { Patchability = OtSecurity.Model.Assets.Patchability.NoPatchAvailable } : a)] };
        ExposureScore exposure = new ExposureCalculator(site).ForAsset("plc");
        Assert.Equal(6, exposure.Factors.Single(f => f.Kind == ExposureFactorKind.Patchability).Points);
        Assert.Equal(54, exposure.Score, 9);
        Assert.Equal(Math.Pow(2, (54 - 40) / 15.0), exposure.ThreatFrequencyMultiplier, 9);
    }

    [Fact]
    public void ForZone_Enterprise_IsFortyPoints()
    {
        var score = new ExposureCalculator(TestSites.Plant()).ForZone("ent");
        Assert.Equal(40, score.Score);
        Assert.Equal(1.0, score.ThreatFrequencyMultiplier, 12);
    }

    [Fact]
    public void WeakestPath_TakesTheMinimaxPath()
    {
        // Upgrading ops–dmz to a DMZ makes the strongest barrier on the only path a DMZ: 8 points instead of 18.
        var score = new ExposureCalculator(TestSites.Plant(dmzOps: SegmentationLevel.Dmz)).ForZone("cell");
        Assert.Equal(SegmentationLevel.Dmz, score.WeakestPath!.Protection);
        Assert.Equal(48, score.Score, 9);

        // An unsegmented path everywhere: 35 points.
        var flat = new ExposureCalculator(TestSites.Plant(entDmz: SegmentationLevel.None, dmzOps: SegmentationLevel.None, opsCell: SegmentationLevel.None)).ForZone("cell");
        Assert.Equal(SegmentationLevel.None, flat.WeakestPath!.Protection);
        Assert.Equal(35, flat.Factors.Single(f => f.Kind == ExposureFactorKind.Segmentation).Points);
    }

    [Fact]
    public void ForAsset_Plc_ZoneFactorsPlusItsOwn()
    {
        // Zone factors without the zone's legacy and patchability lines: 18 + 10 + 20 = 48; plc's own certification 2 → 50.
        var score = new ExposureCalculator(TestSites.Plant()).ForAsset("plc");
        Assert.Equal(50, score.Score, 9);
        var hmi = new ExposureCalculator(TestSites.Plant()).ForAsset("hmi");
        Assert.Equal(56, hmi.Score, 9); // 48 + legacy 8
    }

    [Fact]
    public void ObservedFindings_AddBySeverity()
    {
        var alert = new Alert
        {
            Id = "a-1",
            Time = DateTimeOffset.UnixEpoch,
            RuleId = "OTS-DET-001",
            Severity = AlertSeverity.High,
            AffectedAssets = ["plc"],
            Message = "program download from an unknown host",
        };
        var score = new ExposureCalculator(TestSites.Plant(), observedFindings: [alert]).ForAsset("plc");
        Assert.Equal(58, score.Score, 9); // 50 + high finding 8
        Assert.Contains(score.Factors, f => f.Kind == ExposureFactorKind.ObservedFinding && f.Evidence == "a-1");
    }

    [Fact]
    public void SessionLogging_Declared_RemovesThatFactor()
    {
        var options = ExposureOptions.Default with { VendorsWithSessionLogging = new HashSet<string> { "acme" } };
        var score = new ExposureCalculator(TestSites.Plant(), options).ForZone("cell");
        Assert.DoesNotContain(score.Factors, f => f.Description.Contains("not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownZoneOrAsset_Throws()
    {
        var calc = new ExposureCalculator(TestSites.Plant());
        Assert.Throws<ArgumentException>(() => calc.ForZone("nope"));
        Assert.Throws<ArgumentException>(() => calc.ForAsset("nope"));
    }
}

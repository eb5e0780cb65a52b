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

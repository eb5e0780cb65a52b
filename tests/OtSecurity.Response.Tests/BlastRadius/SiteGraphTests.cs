using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.BlastRadius;

public class SiteGraphTests
{
    private static readonly SiteGraph Graph = SiteGraph.Build(TestPlant.Build());

    [Fact]
    public void SisDependentConduits_SafetyZoneOffCell1_AreItsOwnAndTheControlLevelPaths()
    {
        Assert.Equal(["cnd-cell1-sis", "cnd-sup-cell1", "cnd-sup-cell2"], Graph.SisDependentConduits.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SisDependentConduits_StopAtLevel3()
    {
        Assert.DoesNotContain("cnd-ops-sup", Graph.SisDependentConduits);
        Assert.DoesNotContain("cnd-vendor-cell2", Graph.SisDependentConduits);
        Assert.DoesNotContain("cnd-ops-bldg", Graph.SisDependentConduits);
    }

    [Fact]
    public void EmergencyStopDependentConduits_EStopInSafetyZone_SameClosure()
    {
        Assert.Equal(Graph.SisDependentConduits.Order(StringComparer.Ordinal), Graph.EmergencyStopDependentConduits.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SupervisionPairs_HmisWithTheControllersOfTheirLine()
    {
        string[] pairs = [.. Graph.SupervisionPairs.Select(static p => $"{p.Station.Id}->{p.Controller.Id}")];
        Assert.Equal(["hmi-1->plc-1", "hmi-1->sis-1", "hmi-2->plc-2"], pairs);
    }

    [Fact]
    public void ShortestPath_Ews_To_Cell1_GoesThroughSupervisory()
    {
        Assert.Equal(["cnd-ops-sup", "cnd-sup-cell1"], Graph.ShortestPath("z-ops", "z-cell1")!.Select(static c => c.Id));
    }

    [Fact]
    public void Build_BrokenModel_NeverThrowsAndSkipsWhatItCannotRead()
    {
        SiteModel broken = TestPlant.Build() with
        {
            Zones = [.. TestPlant.Build().Zones, null!, TestPlant.Build().Zones[0] with { AssetIds = ["ghost", "erp"] }],
            Assets = [.. TestPlant.Build().Assets, null!, new Asset { Id = null!, Name = "no id", Kind = AssetKind.Unknown }],
            Conduits = [.. TestPlant.Build().Conduits, null!, new() { Id = "loop", ZoneA = "z-ops", ZoneB = "z-ops", Segmentation = default }, new() { Id = "dangling", ZoneA = "z-ops", ZoneB = "nowhere", Segmentation = default }],
        };

        SiteGraph graph = SiteGraph.Build(broken);

        Assert.NotNull(graph.FindConduit("loop"));
        Assert.DoesNotContain(graph.Neighbours("z-ops"), n => n.Conduit.Id is "loop" or "dangling");
        Assert.Equal(["z-ent"], graph.ZonesOf("erp"));
        Assert.True(graph.Validation.HasErrors);
    }
}

using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Tests.Sites;

public class SiteModelTests
{
    private static readonly DateOnly Evaluation = new(2026, 11, 1);

    [Theory]
    [InlineData("2014-04-08", true)]
    [InlineData("2026-10-31", true)]
    [InlineData("2026-11-01", false)]
    [InlineData("2029-01-09", false)]
    public void IsLegacy_IsDerivedFromEndOfSupportAndEvaluationDate(string endOfSupport, bool legacy)
    {
        var asset = new Asset
        {
            Id = "hmi",
            Name = "HMI",
            Kind = AssetKind.Hmi,
            OperatingSystem = new OperatingSystemInfo { Name = "Windows", EndOfSupport = DateOnly.Parse(endOfSupport, System.Globalization.CultureInfo.InvariantCulture) },
        };
        Assert.Equal(legacy, asset.IsLegacy(Evaluation));
    }

    [Fact]
    public void IsLegacy_UnknownEndOfSupportOrNoOs_IsNotLegacy()
    {
        Assert.False(new Asset { Id = "a", Name = "A", Kind = AssetKind.Plc }.IsLegacy(Evaluation));
        Assert.False(new Asset { Id = "a", Name = "A", Kind = AssetKind.Hmi, OperatingSystem = new OperatingSystemInfo { Name = "Linux" } }.IsLegacy(Evaluation));
    }

    [Fact]
    public void Builder_PlacesAssetsInZones_InEitherOrder()
    {
        SiteModel site = new SiteModelBuilder("Plant", EnvironmentClass.ContinuousProcess, Evaluation)
            .AddAsset(new Asset { Id = "plc-1", Name = "PLC 1", Kind = AssetKind.Plc }, "z1")
            .AddZone(new Zone { Id = "z1", Name = "Cell", PurdueLevel = PurdueLevel.Level1, AssetIds = ["rio-1"] })
            .AddAsset(new Asset { Id = "rio-1", Name = "Remote I/O", Kind = AssetKind.IoGateway })
            .WithTimeZone("Europe/Berlin")
            .Build();

        Assert.Equal(["rio-1", "plc-1"], site.Zones[0].AssetIds);
        Assert.Equal("z1", Assert.Single(site.ZonesOf("plc-1")).Id);
        Assert.Equal(["rio-1", "plc-1"], site.AssetsIn("z1").Select(static a => a.Id));
        Assert.Equal("Europe/Berlin", site.TimeZone);
        Assert.Equal(site, new SiteModelBuilder(site).Build());
    }

    [Fact]
    public void Builder_AssetInAZoneNeverAdded_Throws()
    {
        SiteModelBuilder builder = new SiteModelBuilder("Plant", EnvironmentClass.OfficeIt, Evaluation)
            .AddAsset(new Asset { Id = "pc", Name = "PC", Kind = AssetKind.Workstation }, "z-missing");
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("z-missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_FindItemsById()
    {
        SiteModel site = new SiteModelBuilder("Plant", EnvironmentClass.Warehouse, Evaluation)
            .AddZone(new Zone { Id = "z1", Name = "Z", PurdueLevel = PurdueLevel.Level2 })
            .AddAsset(new Asset { Id = "a1", Name = "A", Kind = AssetKind.Hmi }, "z1")
            .Build();
        Assert.Equal("Z", site.FindZone("z1")?.Name);
        Assert.Equal("A", site.FindAsset("a1")?.Name);
        Assert.Null(site.FindAsset("nope"));
        Assert.Null(site.FindConduit("c"));
        Assert.Null(site.FindVendor("v"));
        Assert.Empty(site.ConduitsOf("z1"));
    }

    [Fact]
    public void TimeZone_KnownZone_ConvertsInstantsToSiteLocalTime()
    {
        SiteModel site = new SiteModelBuilder("Plant", EnvironmentClass.Warehouse, Evaluation).WithTimeZone("Etc/GMT-2").Build();
        Assert.True(site.TryGetTimeZone(out _));
        Assert.Equal(new DateTime(2026, 11, 1, 10, 0, 0), site.ToSiteLocalTime(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TimeZone_NullMeansUtc_UnknownFallsBackToUtc()
    {
        SiteModel utc = new SiteModelBuilder("Plant", EnvironmentClass.Warehouse, Evaluation).Build();
        Assert.True(utc.TryGetTimeZone(out TimeZoneInfo zone));
        Assert.Equal(TimeZoneInfo.Utc, zone);
        SiteModel unknown = utc with { TimeZone = "Nowhere/Special" };
        Assert.False(unknown.TryGetTimeZone(out zone));
        Assert.Equal(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void PurdueLevels_DisplayAndClassify()
    {
        Assert.Equal("3.5", PurdueLevel.Dmz.ToDisplayString());
        Assert.True(PurdueLevel.Level5.IsEnterprise());
        Assert.False(PurdueLevel.Dmz.IsEnterprise());
        Assert.False(PurdueLevel.Dmz.IsOperational());
        Assert.True(PurdueLevel.Level3.IsOperational());
        Assert.False(PurdueLevel.Level3.IsControl());
        Assert.True(PurdueLevel.Level0.IsControl());
        Assert.True(PurdueLevel.Level3 < PurdueLevel.Dmz && PurdueLevel.Dmz < PurdueLevel.Level4);
    }
}

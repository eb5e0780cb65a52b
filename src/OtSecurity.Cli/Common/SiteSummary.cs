using OtSecurity.Model.Assets;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Cli.Common;

/// <summary>The facts <c>otsec audit</c> summarises about a site, computed once for both output formats.</summary>
internal sealed class SiteSummary
{
    public SiteSummary(SiteModel site)
    {
        Site = site;
        Zones = [.. site.Zones.Where(static z => z is not null).Select(z => new ZoneLine(z, site.AssetsIn(z.Id).Count()))];
        AssetsByKind = [.. site.Assets.Where(static a => a is not null)
            .GroupBy(static a => a.Kind)
            .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key)
            .Select(static g => (g.Key, g.Count()))];
        Legacy = [.. site.Assets.Where(a => a is not null && a.IsLegacy(site.EvaluationDate)).Select(a => new AssetLine(a, ZoneOf(site, a)))];
        Safety = [.. site.Assets.Where(static a => a is not null && a.SafetyRole != SafetyRole.None).Select(a => new AssetLine(a, ZoneOf(site, a)))];
        RemoteVendors = [.. site.Vendors.Where(static v => v is not null && v.HasRemoteAccess)];
    }

    public SiteModel Site { get; }

    public IReadOnlyList<ZoneLine> Zones { get; }

    public IReadOnlyList<(AssetKind Kind, int Count)> AssetsByKind { get; }

    public IReadOnlyList<AssetLine> Legacy { get; }

    public IReadOnlyList<AssetLine> Safety { get; }

    public IReadOnlyList<Vendor> RemoteVendors { get; }

    public int AssetCount => Site.Assets.Count(static a => a is not null);

    private static Zone? ZoneOf(SiteModel site, Asset asset) => site.ZonesOf(asset.Id).FirstOrDefault();

    public sealed record ZoneLine(Zone Zone, int AssetCount)
    {
        public SecurityLevelComparison? Gaps =>
            Zone.TargetLevel is { } target && Zone.AchievedLevel is { } achieved ? achieved.CompareWithTarget(target) : null;
    }

    public sealed record AssetLine(Asset Asset, Zone? Zone);
}

using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Policies;

internal static class GuardHelpers
{
    private static readonly string[] SafetyRelevantKinds = ["asset:", "conduit:", "zone:", "target:", "radius:", "action:"];

    /// <summary>The unknown references that could hide a safety asset or a conduit (unknown lines and vendors cannot).</summary>
    public static IEnumerable<string> SafetyRelevantUnknowns(ActionBlastRadius radius) =>
        radius.UnknownReferences.Where(static u => u is null || SafetyRelevantKinds.Any(k => u.StartsWith(k, StringComparison.Ordinal)))
            .Select(static u => u ?? "(null)");

    /// <summary>The assets of the radius that sit in a zone holding an asset with a role <paramref name="role"/> accepts.</summary>
    public static IEnumerable<string> InZonesHolding(ActionBlastRadius radius, SiteGraph graph, Func<OtSecurity.Model.Assets.SafetyRole, bool> role) =>
        radius.Assets.Where(id => graph.ZonesOf(id).Any(z => graph.AssetsIn(z).Any(a => role(a.SafetyRole))));

    public static string DescribeAssets(SiteGraph graph, IEnumerable<string> ids) =>
        string.Join(", ", ids.Select(id => graph.FindAsset(id) is { } a ? $"{a.Id} ({a.Name}, {a.SafetyRole})" : id));
}

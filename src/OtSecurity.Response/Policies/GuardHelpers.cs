using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Policies;

internal static class GuardHelpers
{
    private static readonly string[] SafetyRelevantKinds = ["asset:", "conduit:", "zone:", "target:", "radius:", "action:"];

    /// <summary>The unknown references that could hide a safety asset or a conduit (unknown lines and vendors cannot).</summary>
    public static IEnumerable<string> SafetyRelevantUnknowns(ActionBlastRadius radius) =>
        radius.UnknownReferences.Where(static u => u is null || SafetyRelevantKinds.Any(k => u.StartsWith(k, StringComparison.Ordinal)))
            .Select(static u => u ?? "(null)");

    public static string DescribeAssets(SiteGraph graph, IEnumerable<string> ids) =>
        string.Join(", ", ids.Select(id => graph.FindAsset(id) is { } a ? $"{a.Id} ({a.Name}, {a.SafetyRole})" : id));
}

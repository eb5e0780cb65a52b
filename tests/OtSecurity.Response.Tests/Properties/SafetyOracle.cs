using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Tests.Properties;

/// <summary>
/// An independent statement of "touches a safety function", written from the definition in docs/response.md and
/// not from the engine's code: it reads the raw model (every asset with an id, every zone with an id — duplicates
/// all count, which is more conservative than the engine) and computes the conduits safety assets depend on with
/// its own search.
/// </summary>
public static class SafetyOracle
{
    private static readonly string[] Unverifiable = ["asset:", "conduit:", "zone:", "target:", "radius:", "action:"];

    public static bool TouchesSafety(SiteModel site, ActionBlastRadius radius, out string why)
    {
        HashSet<string> safetyAssets = [.. site.Assets.Where(static a => a is not null && a.Id is not null && a.SafetyRole != SafetyRole.None).Select(static a => a.Id)];
        if (radius.Assets.FirstOrDefault(safetyAssets.Contains) is { } asset)
        {
            why = $"safety asset {asset}";
            return true;
        }

        HashSet<string> dependent = DependentConduits(site, safetyAssets);
        if (radius.Conduits.FirstOrDefault(dependent.Contains) is { } conduit)
        {
            why = $"dependent conduit {conduit}";
            return true;
        }

        if (radius.UnknownReferences.FirstOrDefault(static u => Unverifiable.Any(p => u.StartsWith(p, StringComparison.Ordinal))) is { } unknown)
        {
            why = $"unverifiable {unknown}";
            return true;
        }

        why = string.Empty;
        return false;
    }

    /// <summary>The step's radius holds its own target (an action cannot leave out what it acts on).</summary>
    public static bool HoldsTarget(ResponseStep step) => step.Target.Kind switch
    {
        ActionTargetKind.Asset => step.BlastRadius.Assets.Contains(step.Target.Id) || step.BlastRadius.UnknownReferences.Any(static u => u.Length > 0),
        ActionTargetKind.Conduit => step.BlastRadius.Conduits.Contains(step.Target.Id) || step.BlastRadius.UnknownReferences.Any(static u => u.Length > 0),
        _ => true,
    };

    private static HashSet<string> DependentConduits(SiteModel site, HashSet<string> safetyAssets)
    {
        var zoneIds = new HashSet<string>(site.Zones.Where(static z => z is not null && z.Id is not null).Select(static z => z.Id));
        var start = new HashSet<string>(site.Zones.Where(z => z is not null && z.Id is not null && z.AssetIds.Any(a => a is not null && safetyAssets.Contains(a))).Select(static z => z.Id));
        bool IsControl(string zone) => site.Zones.Any(z => z is not null && z.Id == zone && z.PurdueLevel <= PurdueLevel.Level2);

        var edges = site.Conduits.Where(c => c is not null && c.Id is not null && c.ZoneA != c.ZoneB && zoneIds.Contains(c.ZoneA) && zoneIds.Contains(c.ZoneB)).ToList();
        var marked = new HashSet<string>();
        var seen = new HashSet<string>(start);
        var frontier = new Stack<string>(start);
        while (frontier.Count > 0)
        {
            string zone = frontier.Pop();
            foreach (var c in edges.Where(c => c.ZoneA == zone || c.ZoneB == zone))
            {
                string other = c.ZoneA == zone ? c.ZoneB : c.ZoneA;
                if (start.Contains(zone) || start.Contains(other) || IsControl(other))
                {
                    marked.Add(c.Id);
                }

                if (IsControl(other) && seen.Add(other))
                {
                    frontier.Push(other);
                }
            }
        }

        return marked;
    }
}

using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Attack;
using OtSecurity.Model.Vendors;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Actions;

/// <summary>
/// What an action needs to decide what to propose for an alert: the alert, the site graph, the techniques and
/// assets the alert names that the catalog and the site know, and the vendors involved.
/// </summary>
public sealed class ProposalContext
{
    private static readonly string[] VendorEvidenceNames = ["vendor", "vendorId"];

    /// <summary>Creates a context.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="graph">The site graph.</param>
    /// <param name="options">The response options.</param>
    public ProposalContext(Alert alert, SiteGraph graph, ResponseOptions options)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        Alert = alert;
        Graph = graph;
        Options = options;
        Techniques = [.. alert.Techniques
            .Select(static id => AttackForIcsCatalog.TryGet(id, out AttackTechnique? t) ? t : null)
            .OfType<AttackTechnique>()
            .DistinctBy(static t => t.Id, StringComparer.Ordinal)];
        AffectedAssets = [.. alert.AffectedAssets
            .Select(graph.FindAsset)
            .OfType<Asset>()
            .DistinctBy(static a => a.Id, StringComparer.Ordinal)];
        Families = Techniques.Aggregate(ResponseFamily.None, static (f, t) => f | TechniqueResponseMap.For(t.Id));
        InvolvedVendors = FindVendors();
    }

    /// <summary>The alert.</summary>
    public Alert Alert { get; }

    /// <summary>The site graph.</summary>
    public SiteGraph Graph { get; }

    /// <summary>The response options.</summary>
    public ResponseOptions Options { get; }

    /// <summary>The alert's techniques that the ATT&amp;CK for ICS catalog holds, in alert order, without repeats.</summary>
    public IReadOnlyList<AttackTechnique> Techniques { get; }

    /// <summary>The alert's affected assets that the site holds, in alert order, without repeats.</summary>
    public IReadOnlyList<Asset> AffectedAssets { get; }

    /// <summary>The kinds of response the alert's techniques call for, together.</summary>
    public ResponseFamily Families { get; }

    /// <summary>
    /// The vendors involved: those the alert's evidence names ("vendor" or "vendorId", by id or name), or, when it
    /// names none and the techniques point at remote access, the vendors with remote access into the zones of the
    /// affected assets.
    /// </summary>
    public IReadOnlyList<Vendor> InvolvedVendors { get; }

    /// <summary>True when any of the alert's techniques calls for <paramref name="family"/>.</summary>
    /// <param name="family">One or more families.</param>
    public bool Has(ResponseFamily family) => (Families & family) != 0;

    /// <summary>The ids of the alert's techniques that call for <paramref name="family"/>.</summary>
    /// <param name="family">One or more families.</param>
    public IEnumerable<string> TechniquesFor(ResponseFamily family) =>
        Techniques.Where(t => (TechniqueResponseMap.For(t.Id) & family) != 0).Select(static t => t.Id);

    /// <summary>The zones of the affected assets, in site order.</summary>
    public IEnumerable<string> AffectedZones => Graph.InZoneOrder(AffectedAssets.SelectMany(a => Graph.ZonesOf(a.Id)));

    private Vendor[] FindVendors()
    {
        string[] named = [.. Alert.Evidence
            .Where(static e => e is not null && VendorEvidenceNames.Contains(e.Name, StringComparer.OrdinalIgnoreCase))
            .Select(static e => e.Value)
            .Where(static v => !string.IsNullOrWhiteSpace(v))];
        if (named.Length > 0)
        {
            return [.. Graph.Vendors.Where(v => named.Any(n =>
                string.Equals(n.Trim(), v.Id, StringComparison.OrdinalIgnoreCase)
                || string.Equals(n.Trim(), v.Name, StringComparison.OrdinalIgnoreCase)))];
        }

        if (!Has(ResponseFamily.RemoteAccess))
        {
            return [];
        }

        string[] zones = [.. AffectedZones];
        return [.. Graph.Vendors.Where(v => v.HasRemoteAccess && v.AllowedZones.Any(z => zones.Contains(z, StringComparer.Ordinal)))];
    }
}

namespace OtSecurity.Response.Actions;

/// <summary>What kind of thing an action targets.</summary>
public enum ActionTargetKind
{
    /// <summary>The whole site.</summary>
    Site = 0,

    /// <summary>A zone.</summary>
    Zone,

    /// <summary>An asset.</summary>
    Asset,

    /// <summary>A conduit.</summary>
    Conduit,

    /// <summary>A vendor.</summary>
    Vendor,

    /// <summary>A production line.</summary>
    ProductionLine,
}

/// <summary>The thing an action acts on: a kind and an id from the site model.</summary>
/// <param name="Kind">The kind of target.</param>
/// <param name="Id">The id (the site name for <see cref="ActionTargetKind.Site"/>).</param>
public sealed record ActionTarget(ActionTargetKind Kind, string Id)
{
    /// <summary>A target for the whole site.</summary>
    /// <param name="siteName">The site name.</param>
    public static ActionTarget Site(string siteName) => new(ActionTargetKind.Site, siteName);

    /// <summary>A zone target.</summary>
    /// <param name="id">The zone id.</param>
    public static ActionTarget Zone(string id) => new(ActionTargetKind.Zone, id);

    /// <summary>An asset target.</summary>
    /// <param name="id">The asset id.</param>
    public static ActionTarget Asset(string id) => new(ActionTargetKind.Asset, id);

    /// <summary>A conduit target.</summary>
    /// <param name="id">The conduit id.</param>
    public static ActionTarget Conduit(string id) => new(ActionTargetKind.Conduit, id);

    /// <summary>A vendor target.</summary>
    /// <param name="id">The vendor id.</param>
    public static ActionTarget Vendor(string id) => new(ActionTargetKind.Vendor, id);

    /// <summary>A production line target.</summary>
    /// <param name="id">The line id.</param>
    public static ActionTarget ProductionLine(string id) => new(ActionTargetKind.ProductionLine, id);

    /// <summary>The target as "kind:id", for example "asset:plc-cell1".</summary>
    public override string ToString() => $"{KindName(Kind)}:{Id}";

    internal static string KindName(ActionTargetKind kind) => kind switch
    {
        ActionTargetKind.Site => "site",
        ActionTargetKind.Zone => "zone",
        ActionTargetKind.Asset => "asset",
        ActionTargetKind.Conduit => "conduit",
        ActionTargetKind.Vendor => "vendor",
        ActionTargetKind.ProductionLine => "line",
        _ => "unknown",
    };
}

using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Sites;

/// <summary>
/// Builds a <see cref="SiteModel"/> step by step. The builder does not validate: run
/// <see cref="Validation.SiteModelValidator"/> on the result.
/// </summary>
/// <example>
/// <code>
/// SiteModel site = new SiteModelBuilder("Plant", EnvironmentClass.ProductionLine, new DateOnly(2026, 11, 1))
///     .AddZone(new Zone { Id = "zone-cell1", Name = "Cell 1", PurdueLevel = PurdueLevel.Level1 })
///     .AddAsset(new Asset { Id = "plc-1", Name = "Cell 1 PLC", Kind = AssetKind.Plc }, "zone-cell1")
///     .Build();
/// </code>
/// </example>
public sealed class SiteModelBuilder
{
    private readonly List<ProductionLine> _lines = [];
    private readonly List<Zone> _zones = [];
    private readonly List<Conduit> _conduits = [];
    private readonly List<Asset> _assets = [];
    private readonly List<Vendor> _vendors = [];
    private readonly Dictionary<string, List<string>> _pendingMembers = new(StringComparer.Ordinal);

    /// <summary>Starts a site.</summary>
    /// <param name="name">The site name.</param>
    /// <param name="environment">The kind of environment.</param>
    /// <param name="evaluationDate">The date the model describes.</param>
    public SiteModelBuilder(string name, EnvironmentClass environment, DateOnly evaluationDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Environment = environment;
        EvaluationDate = evaluationDate;
    }

    /// <summary>Starts from an existing model, to change it.</summary>
    /// <param name="model">The model to copy.</param>
    public SiteModelBuilder(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Name = model.Name;
        Environment = model.Environment;
        EvaluationDate = model.EvaluationDate;
        TimeZone = model.TimeZone;
        Description = model.Description;
        _lines.AddRange(model.ProductionLines);
        _zones.AddRange(model.Zones);
        _conduits.AddRange(model.Conduits);
        _assets.AddRange(model.Assets);
        _vendors.AddRange(model.Vendors);
    }

    /// <summary>The site name.</summary>
    public string Name { get; set; }

    /// <summary>The kind of environment.</summary>
    public EnvironmentClass Environment { get; set; }

    /// <summary>The date the model describes.</summary>
    public DateOnly EvaluationDate { get; set; }

    /// <summary>The IANA time zone id; null for UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>What the site is.</summary>
    public string? Description { get; set; }

    /// <summary>Sets the time zone.</summary>
    /// <param name="timeZone">An IANA time zone id.</param>
    public SiteModelBuilder WithTimeZone(string? timeZone)
    {
        TimeZone = timeZone;
        return this;
    }

    /// <summary>Sets the description.</summary>
    /// <param name="description">What the site is.</param>
    public SiteModelBuilder WithDescription(string? description)
    {
        Description = description;
        return this;
    }

    /// <summary>Adds a production line.</summary>
    /// <param name="line">The line.</param>
    public SiteModelBuilder AddProductionLine(ProductionLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _lines.Add(line);
        return this;
    }

    /// <summary>Adds a zone.</summary>
    /// <param name="zone">The zone.</param>
    public SiteModelBuilder AddZone(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zones.Add(zone);
        return this;
    }

    /// <summary>Adds a conduit.</summary>
    /// <param name="conduit">The conduit.</param>
    public SiteModelBuilder AddConduit(Conduit conduit)
    {
        ArgumentNullException.ThrowIfNull(conduit);
        _conduits.Add(conduit);
        return this;
    }

    /// <summary>Adds an asset without placing it in a zone.</summary>
    /// <param name="asset">The asset.</param>
    public SiteModelBuilder AddAsset(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        _assets.Add(asset);
        return this;
    }

    /// <summary>
    /// Adds an asset and appends its id to the member list of zone <paramref name="zoneId"/> (the zone may be
    /// added before or after the asset).
    /// </summary>
    /// <param name="asset">The asset.</param>
    /// <param name="zoneId">The id of the zone the asset belongs to.</param>
    public SiteModelBuilder AddAsset(Asset asset, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(zoneId);
        _assets.Add(asset);
        if (!_pendingMembers.TryGetValue(zoneId, out List<string>? members))
        {
            members = [];
            _pendingMembers.Add(zoneId, members);
        }

        members.Add(asset.Id);
        return this;
    }

    /// <summary>Adds a vendor.</summary>
    /// <param name="vendor">The vendor.</param>
    public SiteModelBuilder AddVendor(Vendor vendor)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        _vendors.Add(vendor);
        return this;
    }

    /// <summary>
    /// Builds the model. Asset ids added with <see cref="AddAsset(Asset, string)"/> are appended to the first
    /// zone with that id; when no such zone exists a zone cannot be invented, so the builder throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">An asset was placed in a zone id that was never added.</exception>
    public SiteModel Build()
    {
        var zones = new List<Zone>(_zones.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Zone zone in _zones)
        {
            if (placed.Add(zone.Id) && _pendingMembers.TryGetValue(zone.Id, out List<string>? members))
            {
                zones.Add(zone with { AssetIds = zone.AssetIds.Concat(members).ToEquatableArray() });
            }
            else
            {
                zones.Add(zone);
            }
        }

        string[] unknown = [.. _pendingMembers.Keys.Where(id => !placed.Contains(id))];
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException($"Assets were placed in zones that were never added: {string.Join(", ", unknown)}.");
        }

        return new SiteModel
        {
            Name = Name,
            Environment = Environment,
            EvaluationDate = EvaluationDate,
            TimeZone = TimeZone,
            Description = Description,
            ProductionLines = _lines.ToEquatableArray(),
            Zones = zones.ToEquatableArray(),
            Conduits = _conduits.ToEquatableArray(),
            Assets = _assets.ToEquatableArray(),
            Vendors = _vendors.ToEquatableArray(),
        };
    }
}

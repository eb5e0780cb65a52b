using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Vendors;
using OtSecurity.Model.Zones;

namespace OtSecurity.Model.Sites;

/// <summary>
/// The IEC 62443 model of one site: its zones, the conduits between them, its assets and the vendors that
/// work on it. Immutable; build one with <see cref="SiteModelBuilder"/> or load one with
/// <see cref="Serialization.SiteModelJson"/>, and check it with <see cref="Validation.SiteModelValidator"/>.
/// Two models are equal when they hold equal facts in the same order.
/// </summary>
public sealed record SiteModel
{
    /// <summary>The site name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of environment (sets the scale of downtime cost).</summary>
    public required EnvironmentClass Environment { get; init; }

    /// <summary>The date the model describes; legacy status and credential age are computed against it.</summary>
    public required DateOnly EvaluationDate { get; init; }

    /// <summary>
    /// The site's time zone as an IANA id (for example "Europe/Berlin"); maintenance and access windows are in
    /// this local time. Null means UTC.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>What the site is; optional.</summary>
    public string? Description { get; init; }

    /// <summary>The production lines.</summary>
    [JsonIgnore]
    public EquatableArray<ProductionLine> ProductionLines { get; init; }

    [JsonInclude]
    [JsonPropertyName("productionLines")]
    internal ImmutableArray<ProductionLine> ProductionLinesJson
    {
        get => ProductionLines.AsImmutableArray();
        init => ProductionLines = value;
    }

    /// <summary>The zones.</summary>
    [JsonIgnore]
    public EquatableArray<Zone> Zones { get; init; }

    [JsonInclude]
    [JsonPropertyName("zones")]
    internal ImmutableArray<Zone> ZonesJson
    {
        get => Zones.AsImmutableArray();
        init => Zones = value;
    }

    /// <summary>The conduits between zones.</summary>
    [JsonIgnore]
    public EquatableArray<Conduit> Conduits { get; init; }

    [JsonInclude]
    [JsonPropertyName("conduits")]
    internal ImmutableArray<Conduit> ConduitsJson
    {
        get => Conduits.AsImmutableArray();
        init => Conduits = value;
    }

    /// <summary>The assets; zones list their members by asset id.</summary>
    [JsonIgnore]
    public EquatableArray<Asset> Assets { get; init; }

    [JsonInclude]
    [JsonPropertyName("assets")]
    internal ImmutableArray<Asset> AssetsJson
    {
        get => Assets.AsImmutableArray();
        init => Assets = value;
    }

    /// <summary>The vendors.</summary>
    [JsonIgnore]
    public EquatableArray<Vendor> Vendors { get; init; }

    [JsonInclude]
    [JsonPropertyName("vendors")]
    internal ImmutableArray<Vendor> VendorsJson
    {
        get => Vendors.AsImmutableArray();
        init => Vendors = value;
    }

    /// <summary>The first zone with id <paramref name="zoneId"/>, or null.</summary>
    /// <param name="zoneId">A zone id.</param>
    public Zone? FindZone(string zoneId) => Zones.FirstOrDefault(z => string.Equals(z.Id, zoneId, StringComparison.Ordinal));

    /// <summary>The first asset with id <paramref name="assetId"/>, or null.</summary>
    /// <param name="assetId">An asset id.</param>
    public Asset? FindAsset(string assetId) => Assets.FirstOrDefault(a => string.Equals(a.Id, assetId, StringComparison.Ordinal));

    /// <summary>The first conduit with id <paramref name="conduitId"/>, or null.</summary>
    /// <param name="conduitId">A conduit id.</param>
    public Conduit? FindConduit(string conduitId) => Conduits.FirstOrDefault(c => string.Equals(c.Id, conduitId, StringComparison.Ordinal));

    /// <summary>The first vendor with id <paramref name="vendorId"/>, or null.</summary>
    /// <param name="vendorId">A vendor id.</param>
    public Vendor? FindVendor(string vendorId) => Vendors.FirstOrDefault(v => string.Equals(v.Id, vendorId, StringComparison.Ordinal));

    /// <summary>The zones that list <paramref name="assetId"/> as a member (one in a valid model).</summary>
    /// <param name="assetId">An asset id.</param>
    public IEnumerable<Zone> ZonesOf(string assetId) => Zones.Where(z => z.AssetIds.Contains(assetId));

    /// <summary>The assets of the zone with id <paramref name="zoneId"/> that exist in <see cref="Assets"/>.</summary>
    /// <param name="zoneId">A zone id.</param>
    public IEnumerable<Asset> AssetsIn(string zoneId) =>
        FindZone(zoneId) is { } zone ? zone.AssetIds.Select(FindAsset).OfType<Asset>() : [];

    /// <summary>The conduits that touch the zone with id <paramref name="zoneId"/>.</summary>
    /// <param name="zoneId">A zone id.</param>
    public IEnumerable<Conduit> ConduitsOf(string zoneId) => Conduits.Where(c => c.Connects(zoneId));

    /// <summary>True when <paramref name="asset"/> is past its operating system's end of support on <see cref="EvaluationDate"/>.</summary>
    /// <param name="asset">An asset.</param>
    public bool IsLegacy(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.IsLegacy(EvaluationDate);
    }

    /// <summary>
    /// Finds the site's time zone (<see cref="TimeZone"/>) on this machine; UTC when <see cref="TimeZone"/> is null.
    /// </summary>
    /// <param name="timeZone">The time zone, when found; otherwise UTC.</param>
    /// <returns>False when <see cref="TimeZone"/> names a zone this machine does not know.</returns>
    public bool TryGetTimeZone([NotNull] out TimeZoneInfo timeZone)
    {
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            timeZone = TimeZoneInfo.Utc;
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out TimeZoneInfo? found))
        {
            timeZone = found;
            return true;
        }

        timeZone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>Converts an instant to the site's local time (UTC when the time zone is not known).</summary>
    /// <param name="instant">An instant.</param>
    public DateTime ToSiteLocalTime(DateTimeOffset instant)
    {
        _ = TryGetTimeZone(out TimeZoneInfo zone);
        return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
    }
}

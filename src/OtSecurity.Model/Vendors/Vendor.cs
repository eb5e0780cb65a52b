using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OtSecurity.Model.Vendors;

/// <summary>A supplier or integrator that works on the plant's systems, on site or remotely.</summary>
public sealed record Vendor
{
    /// <summary>The vendor id, unique among the site's vendors, for example "vnd-integrator".</summary>
    public required string Id { get; init; }

    /// <summary>The company name.</summary>
    public required string Name { get; init; }

    /// <summary>How the vendor reaches the plant remotely (default <see cref="RemoteAccessMethod.None"/>).</summary>
    public RemoteAccessMethod RemoteAccess { get; init; }

    /// <summary>The zones the vendor may reach (ids from <see cref="Sites.SiteModel.Zones"/>).</summary>
    [JsonIgnore]
    public EquatableArray<string> AllowedZones { get; init; }

    [JsonInclude]
    [JsonPropertyName("allowedZones")]
    internal ImmutableArray<string> AllowedZonesJson
    {
        get => AllowedZones.AsImmutableArray();
        init => AllowedZones = value;
    }

    /// <summary>When remote access is allowed; empty means no window was agreed (access is always on).</summary>
    [JsonIgnore]
    public EquatableArray<WeeklyWindow> AccessWindows { get; init; }

    [JsonInclude]
    [JsonPropertyName("accessWindows")]
    internal ImmutableArray<WeeklyWindow> AccessWindowsJson
    {
        get => AccessWindows.AsImmutableArray();
        init => AccessWindows = value;
    }

    /// <summary>Facts about the vendor's credentials; null when the vendor holds no credentials at the site.</summary>
    public VendorCredentials? Credentials { get; init; }

    /// <summary>Who to call at the vendor.</summary>
    public string? Contact { get; init; }

    /// <summary>True when the vendor has any remote access.</summary>
    [JsonIgnore]
    public bool HasRemoteAccess => RemoteAccess != RemoteAccessMethod.None;
}

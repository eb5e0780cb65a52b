using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OtSecurity.Model.Assets;
using OtSecurity.Model.SecurityLevels;

namespace OtSecurity.Model.Zones;

/// <summary>
/// An IEC 62443 zone (IEC 62443-3-2 §4.4): assets grouped because they share security requirements,
/// with a target, achieved and capability security level per foundational requirement.
/// </summary>
public sealed record Zone
{
    /// <summary>The zone id, unique among the site's zones, for example "zone-cell1".</summary>
    public required string Id { get; init; }

    /// <summary>A name a plant engineer recognises, for example "Production cell 1".</summary>
    public required string Name { get; init; }

    /// <summary>The Purdue level of the zone.</summary>
    public required PurdueLevel PurdueLevel { get; init; }

    /// <summary>What the zone is for; optional.</summary>
    public string? Description { get; init; }

    /// <summary>The target security level vector (SL-T); null when no target has been set.</summary>
    public SecurityLevelVector? TargetLevel { get; init; }

    /// <summary>The achieved security level vector (SL-A); null when not yet assessed.</summary>
    public SecurityLevelVector? AchievedLevel { get; init; }

    /// <summary>The capability security level vector (SL-C) of the zone's systems when properly configured; null when not known.</summary>
    public SecurityLevelVector? CapabilityLevel { get; init; }

    /// <summary>The ids of the member assets (from <see cref="Sites.SiteModel.Assets"/>).</summary>
    [JsonIgnore]
    public EquatableArray<string> AssetIds { get; init; }

    [JsonInclude]
    [JsonPropertyName("assetIds")]
    internal ImmutableArray<string> AssetIdsJson
    {
        get => AssetIds.AsImmutableArray();
        init => AssetIds = value;
    }

    /// <summary>True when the plant declares the zone air-gapped: no network path of any kind in or out.</summary>
    public bool AirGapped { get; init; }

    /// <summary>True when a wireless network (Wi-Fi, wireless bridge, cellular) is present in the zone.</summary>
    public bool WirelessPresent { get; init; }

    /// <summary>Compensating controls in place, in plain words (for example "application whitelisting on HMIs").</summary>
    [JsonIgnore]
    public EquatableArray<string> CompensatingControls { get; init; }

    [JsonInclude]
    [JsonPropertyName("compensatingControls")]
    internal ImmutableArray<string> CompensatingControlsJson
    {
        get => CompensatingControls.AsImmutableArray();
        init => CompensatingControls = value;
    }

    /// <summary>When changes to the zone may be made (patching, restarts, response actions that interrupt production).</summary>
    [JsonIgnore]
    public EquatableArray<WeeklyWindow> MaintenanceWindows { get; init; }

    [JsonInclude]
    [JsonPropertyName("maintenanceWindows")]
    internal ImmutableArray<WeeklyWindow> MaintenanceWindowsJson
    {
        get => MaintenanceWindows.AsImmutableArray();
        init => MaintenanceWindows = value;
    }
}

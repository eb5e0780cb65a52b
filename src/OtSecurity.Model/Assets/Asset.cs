using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OtSecurity.Model.Assets;

/// <summary>
/// A device or system of the plant: what it is, what it runs, where it sits and what it is worth.
/// Zones list their member assets by <see cref="Id"/>.
/// </summary>
public sealed record Asset
{
    /// <summary>The asset id, unique among the site's assets, for example "plc-cell1".</summary>
    public required string Id { get; init; }

    /// <summary>A name a plant engineer recognises, for example "Cell 1 line PLC".</summary>
    public required string Name { get; init; }

    /// <summary>What kind of device it is.</summary>
    public required AssetKind Kind { get; init; }

    /// <summary>The manufacturer, for example "Siemens".</summary>
    public string? Manufacturer { get; init; }

    /// <summary>The product model, for example "S7-1516-3 PN/DP".</summary>
    public string? Model { get; init; }

    /// <summary>The firmware version.</summary>
    public string? Firmware { get; init; }

    /// <summary>The serial number.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>The operating system, when the asset runs a general-purpose or embedded OS worth tracking.</summary>
    public OperatingSystemInfo? OperatingSystem { get; init; }

    /// <summary>The network interfaces.</summary>
    [JsonIgnore]
    public EquatableArray<AssetNetworkInterface> Interfaces { get; init; }

    [JsonInclude]
    [JsonPropertyName("interfaces")]
    internal ImmutableArray<AssetNetworkInterface> InterfacesJson
    {
        get => Interfaces.AsImmutableArray();
        init => Interfaces = value;
    }

    /// <summary>The Purdue level the asset works at; null when it is the level of its zone.</summary>
    public PurdueLevel? PurdueLevel { get; init; }

    /// <summary>How much the plant depends on the asset; null when not yet assessed (treat as <see cref="Criticality.Medium"/>).</summary>
    public Criticality? Criticality { get; init; }

    /// <summary>The asset's part in the safety functions (default <see cref="SafetyRole.None"/>).</summary>
    public SafetyRole SafetyRole { get; init; }

    /// <summary>Whether and how the asset can be patched; null when not known.</summary>
    public Patchability? Patchability { get; init; }

    /// <summary>Who supports the asset (vendor support line, integrator, internal team).</summary>
    public string? SupportContact { get; init; }

    /// <summary>The production line the asset serves (an id from <see cref="Sites.SiteModel.ProductionLines"/>); null for shared infrastructure.</summary>
    public string? ProductionLineId { get; init; }

    /// <summary>True when the asset executes a safety function (SIS logic solver, emergency stop).</summary>
    [JsonIgnore]
    public bool IsSafetyFunction => SafetyRole.IsSafetyFunction();

    /// <summary>
    /// True when the asset's operating system is past its end of support on <paramref name="evaluationDate"/>.
    /// "Legacy" is always derived this way, never stated.
    /// </summary>
    /// <param name="evaluationDate">The date the site is evaluated on (<see cref="Sites.SiteModel.EvaluationDate"/>).</param>
    public bool IsLegacy(DateOnly evaluationDate) => OperatingSystem?.IsPastEndOfSupport(evaluationDate) == true;
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OtSecurity.Model.Alerts;

/// <summary>
/// Something a detector saw that someone should know about, with the MITRE ATT&amp;CK for ICS techniques it
/// points to, the assets it concerns and the evidence behind it. Alerts are loaded and saved with
/// <see cref="Serialization.AlertJson"/>.
/// </summary>
public sealed record Alert
{
    /// <summary>A unique id for this alert, for example "alt-20261101-0001".</summary>
    public required string Id { get; init; }

    /// <summary>When the observed activity happened.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The id of the rule that raised the alert, for example "OTM-DET-004".</summary>
    public required string RuleId { get; init; }

    /// <summary>How urgently the alert needs attention.</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>The ATT&amp;CK for ICS technique ids, for example "T0855" (see <see cref="Attack.AttackForIcsCatalog"/>).</summary>
    [JsonIgnore]
    public EquatableArray<string> Techniques { get; init; }

    [JsonInclude]
    [JsonPropertyName("techniques")]
    internal ImmutableArray<string> TechniquesJson
    {
        get => Techniques.AsImmutableArray();
        init => Techniques = value;
    }

    /// <summary>The ids of the assets the alert concerns (from the site model).</summary>
    [JsonIgnore]
    public EquatableArray<string> AffectedAssets { get; init; }

    [JsonInclude]
    [JsonPropertyName("affectedAssets")]
    internal ImmutableArray<string> AffectedAssetsJson
    {
        get => AffectedAssets.AsImmutableArray();
        init => AffectedAssets = value;
    }

    /// <summary>The evidence, in the order a reader should see it.</summary>
    [JsonIgnore]
    public EquatableArray<AlertEvidence> Evidence { get; init; }

    [JsonInclude]
    [JsonPropertyName("evidence")]
    internal ImmutableArray<AlertEvidence> EvidenceJson
    {
        get => Evidence.AsImmutableArray();
        init => Evidence = value;
    }

    /// <summary>What happened, in words a plant engineer understands.</summary>
    public required string Message { get; init; }
}

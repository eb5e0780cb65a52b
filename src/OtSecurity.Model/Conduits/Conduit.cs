using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OtSecurity.Model.Conduits;

/// <summary>
/// An IEC 62443 conduit (IEC 62443-3-2 §4.4): the communication channel between two zones, with how it is
/// segmented and which flows it allows.
/// </summary>
public sealed record Conduit
{
    /// <summary>The conduit id, unique among the site's conduits, for example "cnd-l3-l2".</summary>
    public required string Id { get; init; }

    /// <summary>A name a plant engineer recognises; optional.</summary>
    public string? Name { get; init; }

    /// <summary>One zone the conduit connects.</summary>
    public required string ZoneA { get; init; }

    /// <summary>The other zone the conduit connects.</summary>
    public required string ZoneB { get; init; }

    /// <summary>How strongly the conduit separates the two zones.</summary>
    public required SegmentationLevel Segmentation { get; init; }

    /// <summary>The channel the conduit uses (default <see cref="ChannelKind.Wired"/>).</summary>
    public ChannelKind Channel { get; init; }

    /// <summary>The flows the conduit allows.</summary>
    [JsonIgnore]
    public EquatableArray<AllowedFlow> AllowedFlows { get; init; }

    [JsonInclude]
    [JsonPropertyName("allowedFlows")]
    internal ImmutableArray<AllowedFlow> AllowedFlowsJson
    {
        get => AllowedFlows.AsImmutableArray();
        init => AllowedFlows = value;
    }

    /// <summary>What the conduit is for; optional.</summary>
    public string? Description { get; init; }

    /// <summary>True when <paramref name="zoneId"/> is one of the conduit's two zones.</summary>
    /// <param name="zoneId">A zone id.</param>
    public bool Connects(string zoneId) => string.Equals(ZoneA, zoneId, StringComparison.Ordinal) || string.Equals(ZoneB, zoneId, StringComparison.Ordinal);

    /// <summary>The zone at the other end from <paramref name="zoneId"/>, or null when the conduit does not touch it.</summary>
    /// <param name="zoneId">A zone id.</param>
    public string? OtherEnd(string zoneId) =>
        string.Equals(ZoneA, zoneId, StringComparison.Ordinal) ? ZoneB
        : string.Equals(ZoneB, zoneId, StringComparison.Ordinal) ? ZoneA
        : null;
}

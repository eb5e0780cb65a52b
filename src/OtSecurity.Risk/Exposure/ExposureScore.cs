using OtSecurity.Model.Conduits;

namespace OtSecurity.Risk.Exposure;

/// <summary>
/// The weakest conduit path from a zone to the enterprise network (Purdue 4–5, taken as the way to the internet): the
/// path whose strongest barrier is weakest. An attacker must pass every conduit on a path, so a path protects as much as
/// its strongest segmentation, and the zone is as exposed as its least protected path.
/// </summary>
/// <param name="ZoneIds">The zones from the start to the enterprise zone.</param>
/// <param name="ConduitIds">The conduits between them.</param>
/// <param name="Protection">The strongest segmentation level on the path.</param>
public sealed record SegmentationPath(IReadOnlyList<string> ZoneIds, IReadOnlyList<string> ConduitIds, SegmentationLevel Protection)
{
    /// <summary>"cell-1 → supervisory → dmz → enterprise (via c-1, c-2, c-3; strongest barrier: Firewall)".</summary>
    /// <returns>The path as text.</returns>
    public override string ToString() =>
        ConduitIds.Count == 0
            ? $"{ZoneIds[0]} is itself on the enterprise network"
            : $"{string.Join(" → ", ZoneIds)} (via {string.Join(", ", ConduitIds)}; strongest barrier: {Protection})";
}

/// <summary>A decomposable exposure score: the factors add up to <see cref="RawScore"/>, clamped to 0–100 as <see cref="Score"/>.</summary>
/// <param name="Subject">The zone or asset id.</param>
/// <param name="Score">The score, 0–100.</param>
/// <param name="RawScore">The sum of the factors' points before clamping.</param>
/// <param name="Factors">Each factor with its contribution, largest first.</param>
/// <param name="ThreatFrequencyMultiplier">The multiplier applied to the threat event frequency (<see cref="ExposureOptions.ThreatFrequencyMultiplier"/>).</param>
/// <param name="WeakestPath">The weakest path to the enterprise network, or null when there is none.</param>
public sealed record ExposureScore(
    string Subject,
    double Score,
    double RawScore,
    IReadOnlyList<ExposureFactor> Factors,
    double ThreatFrequencyMultiplier,
    SegmentationPath? WeakestPath);

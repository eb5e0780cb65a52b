using OtSecurity.Model.Conduits;

namespace OtSecurity.Risk.Exposure;

/// <summary>The points of each exposure factor (all documented in docs/risk.md) and the facts the site model does not carry.</summary>
public sealed record ExposureOptions
{
    /// <summary>The defaults.</summary>
    public static ExposureOptions Default { get; } = new();

    /// <summary>Points of a zone that is itself at Purdue level 4–5 (on the enterprise network).</summary>
    public double EnterpriseZonePoints { get; init; } = 40;

    /// <summary>Points for the weakest path's protection: none 35, VLAN 28, firewall 18, DMZ 8, air gap 0.</summary>
    public double SegmentationPoints(SegmentationLevel level) => level switch
    {
        SegmentationLevel.None => SegmentationNonePoints,
        SegmentationLevel.Vlan => SegmentationVlanPoints,
        SegmentationLevel.Firewall => SegmentationFirewallPoints,
        SegmentationLevel.Dmz => SegmentationDmzPoints,
        _ => 0.0,
    };

    /// <summary>Points when the weakest path to IT is unsegmented.</summary>
    public double SegmentationNonePoints { get; init; } = 35;

    /// <summary>Points when the weakest path to IT is VLAN separation.</summary>
    public double SegmentationVlanPoints { get; init; } = 28;

    /// <summary>Points when the weakest path to IT passes a firewall.</summary>
    public double SegmentationFirewallPoints { get; init; } = 18;

    /// <summary>Points when the weakest path to IT passes a DMZ.</summary>
    public double SegmentationDmzPoints { get; init; } = 8;

    /// <summary>Points per removable-media channel.</summary>
    public double RemovableMediaPoints { get; init; } = 6;

    /// <summary>Points per vendor remote connection.</summary>
    public double VendorConnectionPoints { get; init; } = 10;

    /// <summary>Points per monitoring connection out of a zone declared air-gapped.</summary>
    public double MonitoringConnectionPoints { get; init; } = 5;

    /// <summary>Points per temporary connection.</summary>
    public double TemporaryConnectionPoints { get; init; } = 6;

    /// <summary>Points for wireless in the zone or per wireless channel.</summary>
    public double WirelessPoints { get; init; } = 8;

    /// <summary>The most that air-gap erosion paths add together.</summary>
    public double ErosionCap { get; init; } = 30;

    /// <summary>Vendor posture: access without a window (always on).</summary>
    public double AlwaysOnPoints { get; init; } = 6;

    /// <summary>Vendor posture: a shared account.</summary>
    public double SharedCredentialPoints { get; init; } = 5;

    /// <summary>Vendor posture: no multi-factor authentication.</summary>
    public double NoMultiFactorPoints { get; init; } = 3;

    /// <summary>Vendor posture: credentials never rotated (or rotation date unknown).</summary>
    public double NeverRotatedPoints { get; init; } = 5;

    /// <summary>Vendor posture: credentials older than a year.</summary>
    public double OlderThanYearPoints { get; init; } = 4;

    /// <summary>Vendor posture: credentials older than 90 days.</summary>
    public double OlderThan90DaysPoints { get; init; } = 2;

    /// <summary>Vendor posture: sessions not recorded (the vendor is not in <see cref="VendorsWithSessionLogging"/>).</summary>
    public double NoSessionLoggingPoints { get; init; } = 3;

    /// <summary>The most that vendor posture adds together.</summary>
    public double VendorPostureCap { get; init; } = 20;

    /// <summary>Vendor ids whose remote sessions are logged (the site model does not record this).</summary>
    public IReadOnlySet<string> VendorsWithSessionLogging { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Points for an asset past its operating system's end of support (for a zone: the first such asset; +2 each further, up to 14).</summary>
    public double LegacyPoints { get; init; } = 8;

    /// <summary>Points for an asset with no patch available.</summary>
    public double NoPatchPoints { get; init; } = 6;

    /// <summary>Points for an asset patched only after vendor certification.</summary>
    public double VendorCertificationPoints { get; init; } = 2;

    /// <summary>Points per observed finding by severity info/low/medium/high/critical, capped at <see cref="FindingsCap"/>.</summary>
    public IReadOnlyList<double> FindingPoints { get; init; } = [0, 2, 4, 8, 12];

    /// <summary>The most that observed findings add together.</summary>
    public double FindingsCap { get; init; } = 20;

    /// <summary>The score at which the threat event frequency multiplier is 1.</summary>
    public double ReferenceScore { get; init; } = 40;

    /// <summary>Points that double the threat event frequency (15).</summary>
    public double PointsPerDoubling { get; init; } = 15;

    /// <summary>
    /// The threat event frequency multiplier of a score: 2^((score − reference) / points per doubling). With the defaults,
    /// a zone flat on the enterprise network (40 points) has multiplier 1, each further 15 points doubles it, each 15
    /// points fewer halves it: 0 points → 2^(−40/15) ≈ 0.157, 100 points → 2^4 = 16.
    /// </summary>
    /// <param name="score">The score, 0–100.</param>
    /// <returns>The multiplier.</returns>
    public double ThreatFrequencyMultiplier(double score) =>
        Distributions.DeterministicMath.Exp((score - ReferenceScore) / PointsPerDoubling * 0.69314718055994530942);
}

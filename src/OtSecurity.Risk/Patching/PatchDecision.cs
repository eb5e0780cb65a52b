using OtSecurity.Model.Assets;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Risk.Patching;

/// <summary>The four answers to the patching paradox.</summary>
public enum PatchOption
{
    /// <summary>Patch now, out of cycle, paying for the downtime.</summary>
    PatchNow,

    /// <summary>Patch at the next maintenance window, carrying the risk until then.</summary>
    PatchAtNextWindow,

    /// <summary>Do not patch; reduce the loss event frequency with compensating controls.</summary>
    Compensate,

    /// <summary>Accept the risk.</summary>
    Accept,
}

/// <summary>One figure behind an option's expected cost.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Amount">The amount, in currency.</param>
/// <param name="Formula">How it was computed, with the numbers.</param>
public sealed record CostLine(string Label, double Amount, string Formula);

/// <summary>One option, whether it is possible, and its expected cost over the horizon.</summary>
/// <param name="Option">The option.</param>
/// <param name="Feasible">False when it cannot be done (no patch, an uncertified change to a safety function, no controls).</param>
/// <param name="ExpectedCost">The sum of <paramref name="Lines"/> (positive infinity when not feasible).</param>
/// <param name="Lines">Every figure behind it.</param>
/// <param name="Reason">Why it is or is not possible.</param>
public sealed record PatchOptionAssessment(PatchOption Option, bool Feasible, double ExpectedCost, IReadOnlyList<CostLine> Lines, string Reason);

/// <summary>The inputs of a patch decision for one vulnerability on one asset.</summary>
public sealed record PatchDecisionInput
{
    /// <summary>The asset id.</summary>
    public required string AssetId { get; init; }

    /// <summary>The CVE id.</summary>
    public required string CveId { get; init; }

    /// <summary>The expected annual loss attributable to this vulnerability if nothing is done.</summary>
    public required double ExpectedAnnualLoss { get; init; }

    /// <summary>The cost of taking the asset down out of cycle to patch it (outage plus restart).</summary>
    public required OutageCost PatchOutage { get; init; }

    /// <summary>The cost of a failed patch: the outage to roll it back.</summary>
    public required OutageCost RollbackOutage { get; init; }

    /// <summary>Whether a patch exists.</summary>
    public required bool PatchAvailable { get; init; }

    /// <summary>The vendor's certification of the patch.</summary>
    public VendorCertification Certification { get; init; } = VendorCertification.NotRequired;

    /// <summary>Whether a test environment (or a spare of the asset) is available to test the patch first.</summary>
    public bool TestEnvironmentAvailable { get; init; }

    /// <summary>
    /// Whether the asset may only be patched with vendor-certified patches (its patchability is "vendor certification
    /// required"): a pending or refused certification then blocks patching.
    /// </summary>
    public bool RequiresVendorCertification { get; init; }

    /// <summary>The asset's safety role (an uncertified change is never applied to a safety function).</summary>
    public SafetyRole SafetyRole { get; init; }

    /// <summary>Days until the next maintenance window, or null when none is declared.</summary>
    public double? DaysToNextWindow { get; init; }

    /// <summary>Labour and testing per patch campaign (in or out of cycle).</summary>
    public double PatchLabourCost { get; init; } = 2_000;

    /// <summary>The compensating controls to weigh.</summary>
    public IReadOnlyList<CompensatingControl> Controls { get; init; } = CompensatingControl.Defaults;

    /// <summary>The horizon of the comparison in days (a year by default, matching the annual loss).</summary>
    public double HorizonDays { get; init; } = 365;

    /// <summary>
    /// The probability that the patch fails and must be rolled back: by certification not required 5%, certified 2%,
    /// pending 10%, not certified 25%; halved when a test environment is available. Null uses these defaults.
    /// </summary>
    public double? RollbackProbability { get; init; }

    /// <summary>The rollback probability in force (the explicit one, or the default described on <see cref="RollbackProbability"/>).</summary>
    public double EffectiveRollbackProbability
    {
        get
        {
            if (RollbackProbability is { } p)
            {
                return p;
            }

            double baseline = Certification switch
            {
                VendorCertification.Certified => 0.02,
                VendorCertification.Pending => 0.10,
                VendorCertification.NotCertified => 0.25,
                _ => 0.05,
            };
            return TestEnvironmentAvailable ? baseline / 2 : baseline;
        }
    }
}

/// <summary>The recommendation and every figure behind it.</summary>
/// <param name="Input">The inputs.</param>
/// <param name="Recommendation">The feasible option with the lowest expected cost (ties: next window, compensate, patch now, accept).</param>
/// <param name="Options">All four options, feasible or not.</param>
/// <param name="Summary">One sentence.</param>
public sealed record PatchDecision(PatchDecisionInput Input, PatchOption Recommendation, IReadOnlyList<PatchOptionAssessment> Options, string Summary);

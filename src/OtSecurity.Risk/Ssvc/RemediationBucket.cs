using System.Globalization;

namespace OtSecurity.Risk.Ssvc;

/// <summary>When to act on a vulnerability in a plant.</summary>
public enum RemediationBucket
{
    /// <summary>Before the next maintenance window (out of cycle).</summary>
    Now,

    /// <summary>At the next maintenance window.</summary>
    Next,

    /// <summary>No scheduled remediation: track it, rely on compensating controls, fix at the next system upgrade.</summary>
    Never,
}

/// <summary>What to do in that bucket.</summary>
public enum RemediationAction
{
    /// <summary>Apply the patch.</summary>
    Patch,

    /// <summary>Put compensating controls in place (segmentation, monitoring, access restriction).</summary>
    Compensate,

    /// <summary>Keep tracking; no change now.</summary>
    Track,
}

/// <summary>The facts the Now / Next / Never bucketing uses besides the SSVC decision.</summary>
/// <param name="PatchAvailable">The vendor has released a fix.</param>
/// <param name="PatchApplicable">The fix may be applied now: available, and certified by the vendor where certification is required.</param>
/// <param name="DaysToNextWindow">Days until the next maintenance window, or null when none is declared.</param>
/// <param name="CompensatingControlsInPlace">The zone lists compensating controls.</param>
public readonly record struct BucketInputs(bool PatchAvailable, bool PatchApplicable, double? DaysToNextWindow, bool CompensatingControlsInPlace);

/// <summary>The bucket, the action and the rule that chose them.</summary>
/// <param name="Bucket">Now, Next or Never.</param>
/// <param name="Action">Patch, compensate or track.</param>
/// <param name="Rule">The rule, in words.</param>
public sealed record BucketDecision(RemediationBucket Bucket, RemediationAction Action, string Rule);

/// <summary>
/// Now / Next / Never from SSVC × patchability × time to the next maintenance window × compensating controls. The rules
/// (docs/risk.md has the table): Act → now (patch if applicable, else compensate now), unless controls are in place and a
/// window is at most 14 days away (then next); Attend → next when a window is at most 30 days away or controls are in
/// place, otherwise now; without a patch, Attend → compensate now, or never when controls are in place; Track* → next when
/// a patch is available, else compensate at the next window, or never when controls are in place; Track → next when a
/// patch is available and a window is at most 90 days away, otherwise never. A patch that needs vendor certification not
/// yet given is not applicable: the action becomes "compensate" until it is.
/// </summary>
public static class RemediationBucketing
{
    /// <summary>Windows at most this many days away count as soon enough for an Act with controls in place.</summary>
    public const double ActWindowDays = 14;

    /// <summary>Windows at most this many days away count as soon enough for an Attend.</summary>
    public const double AttendWindowDays = 30;

    /// <summary>Windows at most this many days away are used for Track patches.</summary>
    public const double TrackWindowDays = 90;

    /// <summary>Chooses the bucket.</summary>
    /// <param name="decision">The SSVC decision.</param>
    /// <param name="inputs">Patchability, window and controls.</param>
    /// <returns>Exactly one bucket and action, with the rule.</returns>
    public static BucketDecision Decide(SsvcDecision decision, BucketInputs inputs)
    {
        double? days = inputs.DaysToNextWindow;
        string window = days is { } d ? string.Create(CultureInfo.InvariantCulture, $"next window in {d:0.#} days") : "no maintenance window declared";
        bool windowWithin(double limit) => days is { } d2 && d2 <= limit;
        RemediationAction patchOrCompensate = inputs.PatchApplicable ? RemediationAction.Patch : RemediationAction.Compensate;
        string patchState = !inputs.PatchAvailable ? "no patch available" : inputs.PatchApplicable ? "patch applicable" : "patch awaiting vendor certification";
        string controls = inputs.CompensatingControlsInPlace ? "compensating controls in place" : "no compensating controls";

        switch (decision)
        {
            case SsvcDecision.Act:
                if (inputs.CompensatingControlsInPlace && windowWithin(ActWindowDays) && inputs.PatchAvailable)
                {
                    return new BucketDecision(RemediationBucket.Next, patchOrCompensate, $"Act, {controls}, {window} (≤ {ActWindowDays} days), {patchState}: at the next window");
                }

                return new BucketDecision(RemediationBucket.Now, patchOrCompensate, $"Act, {controls}, {window}, {patchState}: out of cycle now");

            case SsvcDecision.Attend:
                if (!inputs.PatchAvailable)
                {
                    return inputs.CompensatingControlsInPlace
                        ? new BucketDecision(RemediationBucket.Never, RemediationAction.Track, $"Attend, {patchState}, {controls}: track, keep the controls")
                        : new BucketDecision(RemediationBucket.Now, RemediationAction.Compensate, $"Attend, {patchState}, {controls}: compensate now");
                }

                if (windowWithin(AttendWindowDays) || inputs.CompensatingControlsInPlace)
                {
                    return new BucketDecision(RemediationBucket.Next, patchOrCompensate, $"Attend, {patchState}, {window}, {controls}: at the next window");
                }

                return new BucketDecision(RemediationBucket.Now, patchOrCompensate, $"Attend, {patchState}, {window} (> {AttendWindowDays} days or none), {controls}: now");

            case SsvcDecision.TrackStar:
                if (inputs.PatchAvailable)
                {
                    return new BucketDecision(RemediationBucket.Next, patchOrCompensate, $"Track*, {patchState}, {window}: at the next window");
                }

                return inputs.CompensatingControlsInPlace
                    ? new BucketDecision(RemediationBucket.Never, RemediationAction.Track, $"Track*, {patchState}, {controls}: track closely")
                    : new BucketDecision(RemediationBucket.Next, RemediationAction.Compensate, $"Track*, {patchState}, {controls}: compensate at the next window");

            case SsvcDecision.Track:
                if (inputs.PatchAvailable && windowWithin(TrackWindowDays))
                {
                    return new BucketDecision(RemediationBucket.Next, patchOrCompensate, $"Track, {patchState}, {window} (≤ {TrackWindowDays} days): at the next window");
                }

                return new BucketDecision(RemediationBucket.Never, RemediationAction.Track, $"Track, {patchState}, {window}: standard update cycle / next system upgrade");

            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown SSVC decision.");
        }
    }
}

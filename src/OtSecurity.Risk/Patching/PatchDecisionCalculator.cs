using System.Globalization;
using OtSecurity.Model.Assets;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Risk.Patching;

/// <summary>
/// The patching paradox as arithmetic. Over the horizon H (a year by default), with ALE the expected annual loss of the
/// vulnerability and p the rollback probability:
/// <list type="bullet">
/// <item>patch now = expected out-of-cycle outage cost + p × rollback outage cost + labour;</item>
/// <item>patch at the next window (d days away) = ALE × d/365 + p × rollback outage cost + labour (the window's downtime is already planned);</item>
/// <item>compensate = Σ annual control cost × H/365 + ALE × Π frequency factors × H/365, for the cheapest non-empty set of controls;</item>
/// <item>accept = ALE × H/365.</item>
/// </list>
/// A patch that does not exist cannot be applied; a safety instrumented function or emergency stop is changed only with a
/// patch the vendor has certified (or that needs no certification), and so is an asset whose patchability is "vendor
/// certification required". The recommendation is the feasible option with the
/// lowest expected cost; ties go to the least disruptive (next window, compensate, patch now, accept).
/// </summary>
public static class PatchDecisionCalculator
{
    private static readonly PatchOption[] TieOrder = [PatchOption.PatchAtNextWindow, PatchOption.Compensate, PatchOption.PatchNow, PatchOption.Accept];

    /// <summary>Decides.</summary>
    /// <param name="input">The inputs.</param>
    /// <returns>The recommendation with all four options and their figures.</returns>
    /// <exception cref="RiskInputException">An input is out of range.</exception>
    public static PatchDecision Decide(PatchDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        double years = input.HorizonDays / 365.0;
        double ale = input.ExpectedAnnualLoss;
        double p = input.EffectiveRollbackProbability;
        string? patchBlocked = PatchBlocked(input);

        var options = new List<PatchOptionAssessment>(4);

        // Patch now.
        if (patchBlocked is not null)
        {
            options.Add(Infeasible(PatchOption.PatchNow, patchBlocked));
        }
        else
        {
            options.Add(Assess(PatchOption.PatchNow, $"out-of-cycle patch; rollback probability {Pct(p)} ({Certification(input)})",
            [
                new CostLine("unplanned downtime to patch", input.PatchOutage.Expected, input.PatchOutage.Explanation),
                new CostLine("rollback risk", p * input.RollbackOutage.Expected, $"{Pct(p)} × {Money(input.RollbackOutage.Expected)} rollback outage"),
                new CostLine("labour and testing", input.PatchLabourCost, "per patch campaign"),
            ]));
        }

        // Patch at the next window.
        if (patchBlocked is not null)
        {
            options.Add(Infeasible(PatchOption.PatchAtNextWindow, patchBlocked));
        }
        else if (input.DaysToNextWindow is not { } days)
        {
            options.Add(Infeasible(PatchOption.PatchAtNextWindow, "no maintenance window is declared for the asset's zone"));
        }
        else
        {
            double exposedDays = Math.Min(days, input.HorizonDays);
            options.Add(Assess(PatchOption.PatchAtNextWindow, string.Create(CultureInfo.InvariantCulture, $"patch in the planned window in {days:0.#} days"),
            [
                new CostLine("expected loss until the window", ale * exposedDays / 365.0, string.Create(CultureInfo.InvariantCulture, $"{Money(ale)}/yr × {exposedDays:0.#}/365 days")),
                new CostLine("planned downtime", 0, "inside the maintenance window: no production lost"),
                new CostLine("rollback risk", p * input.RollbackOutage.Expected, $"{Pct(p)} × {Money(input.RollbackOutage.Expected)} (a failed patch overruns the window)"),
                new CostLine("labour and testing", input.PatchLabourCost, "per patch campaign"),
            ]));
        }

        // Compensate: the cheapest non-empty set of controls.
        options.Add(CheapestCompensation(input, ale, years));

        // Accept.
        options.Add(Assess(PatchOption.Accept, "carry the risk",
        [
            new CostLine("expected loss", ale * years, string.Create(CultureInfo.InvariantCulture, $"{Money(ale)}/yr × {input.HorizonDays:0.#}/365 days")),
        ]));

        PatchOptionAssessment best = options[(int)PatchOption.Accept];
        foreach (PatchOption option in TieOrder)
        {
            PatchOptionAssessment candidate = options.First(o => o.Option == option);
            if (candidate.Feasible && (candidate.ExpectedCost < best.ExpectedCost || (candidate.ExpectedCost == best.ExpectedCost && Array.IndexOf(TieOrder, option) < Array.IndexOf(TieOrder, best.Option))))
            {
                best = candidate;
            }
        }

        string others = string.Join(", ", options.Where(o => o.Option != best.Option).Select(o => o.Feasible ? $"{Name(o.Option)} {Money(o.ExpectedCost)}" : $"{Name(o.Option)} not possible"));
        string summary = $"{Name(best.Option)} ({best.Reason}): expected cost {Money(best.ExpectedCost)} over {input.HorizonDays.ToString("0.#", CultureInfo.InvariantCulture)} days; {others}.";
        return new PatchDecision(input, best.Option, options, summary);
    }

    /// <summary>The option's name in words.</summary>
    /// <param name="option">The option.</param>
    /// <returns>"patch now", "patch at the next window", "compensate" or "accept".</returns>
    public static string Name(PatchOption option) => option switch
    {
        PatchOption.PatchNow => "patch now",
        PatchOption.PatchAtNextWindow => "patch at the next window",
        PatchOption.Compensate => "compensate",
        PatchOption.Accept => "accept",
        _ => option.ToString(),
    };

    private static PatchOptionAssessment CheapestCompensation(PatchDecisionInput input, double ale, double years)
    {
        IReadOnlyList<CompensatingControl> controls = input.Controls;
        if (controls.Count == 0)
        {
            return Infeasible(PatchOption.Compensate, "no compensating controls to weigh");
        }

        if (controls.Count > 16)
        {
            throw new RiskInputException("compensating controls", nameof(input), $"Too many compensating controls ({controls.Count}); at most 16 are weighed together.");
        }

        PatchOptionAssessment? best = null;
        for (int mask = 1; mask < (1 << controls.Count); mask++)
        {
            double factor = 1.0;
            var lines = new List<CostLine>();
            var chosen = new List<string>();
            for (int i = 0; i < controls.Count; i++)
            {
                if ((mask & (1 << i)) == 0)
                {
                    continue;
                }

                CompensatingControl c = controls[i];
                factor *= c.FrequencyFactor;
                chosen.Add($"{c.Kind} (×{c.FrequencyFactor.ToString("0.##", CultureInfo.InvariantCulture)} on frequency)");
                lines.Add(new CostLine($"{c.Kind}: {c.Description}", c.AnnualCost * years, $"{Money(c.AnnualCost)}/yr; loss event frequency × {c.FrequencyFactor.ToString("0.##", CultureInfo.InvariantCulture)}"));
            }

            lines.Add(new CostLine("residual expected loss", ale * factor * years, string.Create(CultureInfo.InvariantCulture, $"{Money(ale)}/yr × {factor:0.###} (product of the frequency factors) × {input.HorizonDays:0.#}/365 days")));
            PatchOptionAssessment candidate = Assess(PatchOption.Compensate, string.Join(" + ", chosen), lines);
            if (best is null || candidate.ExpectedCost < best.ExpectedCost)
            {
                best = candidate;
            }
        }

        return best!;
    }

    private static string? PatchBlocked(PatchDecisionInput input)
    {
        if (!input.PatchAvailable)
        {
            return "no patch is available";
        }

        if (input.Certification is VendorCertification.Pending or VendorCertification.NotCertified)
        {
            string state = input.Certification == VendorCertification.Pending ? "not yet certified" : "not certified";
            if (input.SafetyRole.IsSafetyFunction())
            {
                return $"the asset is a safety function and the patch is {state} by the vendor";
            }

            if (input.RequiresVendorCertification)
            {
                return $"the asset takes only vendor-certified patches and this one is {state}";
            }
        }

        return null;
    }

    private static PatchOptionAssessment Assess(PatchOption option, string reason, IReadOnlyList<CostLine> lines)
    {
        double total = 0;
        foreach (CostLine line in lines)
        {
            total += line.Amount;
        }

        return new PatchOptionAssessment(option, true, total, lines, reason);
    }

    private static PatchOptionAssessment Infeasible(PatchOption option, string reason) =>
        new(option, false, double.PositiveInfinity, [], reason);

    private static void Validate(PatchDecisionInput input)
    {
        string what = $"patch decision for {input.CveId} on {input.AssetId}";
        if (!double.IsFinite(input.ExpectedAnnualLoss) || input.ExpectedAnnualLoss < 0)
        {
            throw new RiskInputException(what, nameof(input), $"Invalid {what}: the expected annual loss must be a finite amount ≥ 0, not {Distribution.Format(input.ExpectedAnnualLoss)}.");
        }

        if (!(input.HorizonDays > 0) || !double.IsFinite(input.HorizonDays))
        {
            throw new RiskInputException(what, nameof(input), $"Invalid {what}: the horizon must be a finite number of days > 0, not {Distribution.Format(input.HorizonDays)}.");
        }

        if (input.DaysToNextWindow is { } d && (!double.IsFinite(d) || d < 0))
        {
            throw new RiskInputException(what, nameof(input), $"Invalid {what}: days to the next window must be a finite number ≥ 0, not {Distribution.Format(d)}.");
        }

        if (!double.IsFinite(input.PatchLabourCost) || input.PatchLabourCost < 0)
        {
            throw new RiskInputException(what, nameof(input), $"Invalid {what}: the labour cost must be a finite amount ≥ 0.");
        }

        Distribution.RequireProbability(input.EffectiveRollbackProbability, $"rollback probability of {what}", nameof(input));
        foreach (CompensatingControl control in input.Controls)
        {
            control.Validate();
        }
    }

    private static string Certification(PatchDecisionInput input) => (input.Certification switch
    {
        VendorCertification.Certified => "vendor-certified",
        VendorCertification.Pending => "vendor certification pending",
        VendorCertification.NotCertified => "not certified by the vendor",
        _ => "no certification needed",
    }) + (input.TestEnvironmentAvailable ? ", tested first in a test environment" : ", no test environment");

    internal static string Money(double amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Pct(double p) => (p * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

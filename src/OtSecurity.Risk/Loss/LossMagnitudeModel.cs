using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;

namespace OtSecurity.Risk.Loss;

/// <summary>
/// The loss of one loss event, in the Open FAIR style:
/// magnitude = (productivity loss + response + replacement + fines) × safety multiplier × environmental multiplier, where
/// productivity loss = (outage hours + restart hours) × hourly downtime cost, replacement is incurred with
/// <see cref="ReplacementProbability"/> and fines with <see cref="FineProbability"/>.
/// </summary>
public sealed class LossMagnitudeModel
{
    /// <summary>Creates and validates a magnitude model.</summary>
    /// <param name="outageHours">Hours of outage per loss event (≥ 0).</param>
    /// <param name="hourlyCost">Cost of one hour of lost production (≥ 0).</param>
    /// <param name="restart">Restart time after the outage.</param>
    /// <param name="responseCost">Incident response cost per event (≥ 0).</param>
    /// <param name="replacementCost">Cost of replacing damaged equipment when it must be replaced (≥ 0).</param>
    /// <param name="replacementProbability">Probability that an event requires replacement, in [0, 1].</param>
    /// <param name="fines">Regulatory fines and penalties when incurred (≥ 0).</param>
    /// <param name="fineProbability">Probability that an event incurs fines, in [0, 1].</param>
    /// <param name="safetyMultiplier">Multiplier for safety consequences, ≥ 1 (1 when the asset has no safety role).</param>
    /// <param name="environmentalMultiplier">Multiplier for environmental consequences, ≥ 1.</param>
    /// <exception cref="RiskInputException">A distribution can take negative values, a probability is outside [0, 1] or a multiplier is below 1.</exception>
    public LossMagnitudeModel(
        Distribution outageHours,
        Distribution hourlyCost,
        RestartProfile restart,
        Distribution responseCost,
        Distribution replacementCost,
        double replacementProbability,
        Distribution fines,
        double fineProbability,
        double safetyMultiplier = 1.0,
        double environmentalMultiplier = 1.0)
    {
        RequireNonNegativeAmount(outageHours, "outage hours", nameof(outageHours));
        RequireNonNegativeAmount(hourlyCost, "hourly downtime cost", nameof(hourlyCost));
        RequireNonNegativeAmount(responseCost, "response cost", nameof(responseCost));
        RequireNonNegativeAmount(replacementCost, "replacement cost", nameof(replacementCost));
        RequireNonNegativeAmount(fines, "fines", nameof(fines));
        Distribution.RequireProbability(replacementProbability, "replacement probability", nameof(replacementProbability));
        Distribution.RequireProbability(fineProbability, "fine probability", nameof(fineProbability));
        RequireMultiplier(safetyMultiplier, "safety multiplier", nameof(safetyMultiplier));
        RequireMultiplier(environmentalMultiplier, "environmental multiplier", nameof(environmentalMultiplier));
        OutageHours = outageHours;
        HourlyCost = hourlyCost;
        Restart = restart;
        ResponseCost = responseCost;
        ReplacementCost = replacementCost;
        ReplacementProbability = replacementProbability;
        Fines = fines;
        FineProbability = fineProbability;
        SafetyMultiplier = safetyMultiplier;
        EnvironmentalMultiplier = environmentalMultiplier;
    }

    /// <summary>Hours of outage per loss event.</summary>
    public Distribution OutageHours { get; }

    /// <summary>Cost of one hour of lost production.</summary>
    public Distribution HourlyCost { get; }

    /// <summary>Restart time after the outage (production is still lost while restarting).</summary>
    public RestartProfile Restart { get; }

    /// <summary>Incident response cost per event.</summary>
    public Distribution ResponseCost { get; }

    /// <summary>Cost of replacing damaged equipment, when replacement is needed.</summary>
    public Distribution ReplacementCost { get; }

    /// <summary>Probability that an event requires replacement.</summary>
    public double ReplacementProbability { get; }

    /// <summary>Fines and penalties, when incurred.</summary>
    public Distribution Fines { get; }

    /// <summary>Probability that an event incurs fines.</summary>
    public double FineProbability { get; }

    /// <summary>Multiplier for safety consequences (≥ 1).</summary>
    public double SafetyMultiplier { get; }

    /// <summary>Multiplier for environmental consequences (≥ 1).</summary>
    public double EnvironmentalMultiplier { get; }

    /// <summary>Expected productivity loss per event: (E[h] + fixed + perHour·E[h]) × E[hourly cost] (hours and rate independent).</summary>
    public double ExpectedProductivityLoss => Restart.LostProductionHours(OutageHours.Mean) * HourlyCost.Mean;

    /// <summary>Expected replacement cost per event: p × E[replacement].</summary>
    public double ExpectedReplacement => ReplacementProbability * ReplacementCost.Mean;

    /// <summary>Expected fines per event: p × E[fines].</summary>
    public double ExpectedFines => FineProbability * Fines.Mean;

    /// <summary>The product of the safety and environmental multipliers.</summary>
    public double Multiplier => SafetyMultiplier * EnvironmentalMultiplier;

    /// <summary>Expected loss per event: (productivity + response + replacement + fines) × multipliers.</summary>
    public double ExpectedMagnitude => (ExpectedProductivityLoss + ResponseCost.Mean + ExpectedReplacement + ExpectedFines) * Multiplier;

    /// <summary>The same model with another hourly downtime cost (for what-if comparisons).</summary>
    /// <param name="hourlyCost">The new hourly cost (≥ 0).</param>
    /// <returns>A new, validated model.</returns>
    public LossMagnitudeModel WithHourlyCost(Distribution hourlyCost) =>
        new(OutageHours, hourlyCost, Restart, ResponseCost, ReplacementCost, ReplacementProbability, Fines, FineProbability, SafetyMultiplier, EnvironmentalMultiplier);

    internal static void RequireNonNegativeAmount(Distribution distribution, string what, string parameterName)
    {
        if (!(distribution.Minimum >= 0.0))
        {
            throw new RiskInputException(what, parameterName, $"Invalid {what}: it can take negative values ({distribution}); amounts and durations must be ≥ 0.");
        }

        if (distribution.Kind == DistributionKind.Bernoulli)
        {
            throw new RiskInputException(what, parameterName, $"Invalid {what}: a Bernoulli variable is a probability, not an amount.");
        }
    }

    private static void RequireMultiplier(double value, string what, string parameterName)
    {
        if (!(value >= 1.0) || double.IsPositiveInfinity(value))
        {
            throw new RiskInputException(what, parameterName, $"Invalid {what}: it must be a finite number ≥ 1, not {Distribution.Format(value)}.");
        }
    }
}

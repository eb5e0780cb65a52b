using System.Runtime.InteropServices;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Loss;

namespace OtSecurity.Risk.Simulation;

/// <summary>A scenario flattened into one struct for the hot loop: no references to follow, no virtual calls, no allocation.</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct CompiledScenario
{
    public readonly Distribution ThreatEventFrequency;
    public readonly Distribution Vulnerability;
    public readonly Distribution OutageHours;
    public readonly Distribution HourlyCost;
    public readonly Distribution ResponseCost;
    public readonly Distribution ReplacementCost;
    public readonly Distribution Fines;
    public readonly double RestartFixedHours;
    public readonly double RestartHoursPerOutageHour;
    public readonly double ReplacementProbability;
    public readonly double FineProbability;
    public readonly double Multiplier;

    public CompiledScenario(LossScenario scenario)
    {
        LossMagnitudeModel m = scenario.Magnitude;
        ThreatEventFrequency = scenario.ThreatEventFrequency;
        Vulnerability = scenario.Vulnerability;
        OutageHours = m.OutageHours;
        HourlyCost = m.HourlyCost;
        ResponseCost = m.ResponseCost;
        ReplacementCost = m.ReplacementCost;
        Fines = m.Fines;
        RestartFixedHours = m.Restart.FixedHours;
        RestartHoursPerOutageHour = m.Restart.HoursPerOutageHour;
        ReplacementProbability = m.ReplacementProbability;
        FineProbability = m.FineProbability;
        Multiplier = m.Multiplier;
    }

    /// <summary>
    /// One simulated year. Draw order (fixed, part of the reproducibility contract): TEF, vulnerability, the count
    /// uniform, then per event: outage hours, hourly cost, response, the replacement uniform (and the replacement cost
    /// only when incurred), the fine uniform (and the fines only when incurred). An event's draws never depend on the
    /// frequency inputs, so common random numbers keep comparisons monotone.
    /// </summary>
    public double SampleYear(ref Xoshiro256StarStar random, out int events)
    {
        double tef = ThreatEventFrequency.Sample(ref random);
        double vulnerability = Vulnerability.Sample(ref random);
        // A lognormal TEF is unbounded: LossScenario admits it when its 1 − 10⁻⁹ quantile keeps the loss event
        // frequency within the Poisson limit, and the rare draw beyond is capped there (min keeps the count monotone).
        double lambda = Math.Min(tef * vulnerability, Sampling.MaximumPoissonMean);
        double u = random.NextDouble();
        events = Sampling.PoissonByInversion(lambda, u);
        double total = 0.0;
        for (int i = 0; i < events; i++)
        {
            total += SampleEvent(ref random);
        }

        return total;
    }

    private double SampleEvent(ref Xoshiro256StarStar random)
    {
        double hours = OutageHours.Sample(ref random);
        double lostHours = hours + RestartFixedHours + (RestartHoursPerOutageHour * hours);
        double sum = lostHours * HourlyCost.Sample(ref random);
        sum += ResponseCost.Sample(ref random);
        if (random.NextDouble() < ReplacementProbability)
        {
            sum += ReplacementCost.Sample(ref random);
        }

        if (random.NextDouble() < FineProbability)
        {
            sum += Fines.Sample(ref random);
        }

        return sum * Multiplier;
    }
}

using System.Buffers;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Loss;

namespace OtSecurity.Risk.Simulation;

/// <summary>
/// The seeded Monte Carlo of annual loss. Year y of scenario s draws from its own stream,
/// <see cref="Xoshiro256StarStar.ForStream"/>(seed, s·2^40 + y), so results do not depend on how many scenarios run
/// together or in which order years are visited, and two runs that differ only in one scenario's inputs use the same
/// random numbers for everything else (common random numbers). The event count of a year is the Poisson inverse of one
/// uniform, so a lower loss event frequency never yields more events in the same year.
/// </summary>
public static class LossSimulation
{
    /// <summary>Runs one scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Samples, seed and curve resolution; defaults when null.</param>
    /// <returns>The annual loss distribution.</returns>
    public static SimulationResult Run(LossScenario scenario, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Run([scenario], options);
    }

    /// <summary>Runs scenarios together: each sample is one year, and its loss the sum over the scenarios.</summary>
    /// <param name="scenarios">The scenarios (may be empty: every year then loses nothing).</param>
    /// <param name="options">Samples, seed and curve resolution; defaults when null.</param>
    /// <returns>The annual loss distribution.</returns>
    public static SimulationResult Run(IReadOnlyList<LossScenario> scenarios, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        options ??= new MonteCarloOptions();
        options.Validate();
        double[] buffer = ArrayPool<double>.Shared.Rent(options.Samples);
        try
        {
            Span<double> losses = buffer.AsSpan(0, options.Samples);
            long events = Simulate(scenarios, options.Seed, losses);
            return SimulationResult.FromSamples(losses, options.Seed, events, options.ExceedancePoints);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Fills <paramref name="annualLosses"/> with one simulated annual loss per element. Allocates only a small array
    /// of flattened scenarios per call, nothing per sample.
    /// </summary>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="annualLosses">The destination; its length is the number of samples.</param>
    /// <returns>The total number of loss events over all samples.</returns>
    public static long Simulate(IReadOnlyList<LossScenario> scenarios, ulong seed, Span<double> annualLosses)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var compiled = new CompiledScenario[scenarios.Count];
        for (int s = 0; s < compiled.Length; s++)
        {
            compiled[s] = new CompiledScenario(scenarios[s]);
        }

        return Simulate(compiled, seed, annualLosses);
    }

    internal static long Simulate(ReadOnlySpan<CompiledScenario> scenarios, ulong seed, Span<double> annualLosses)
    {
        long events = 0;
        for (int year = 0; year < annualLosses.Length; year++)
        {
            double total = 0.0;
            for (int s = 0; s < scenarios.Length; s++)
            {
                var random = Xoshiro256StarStar.ForStream(seed, ((ulong)s << 40) | (uint)year);
                total += scenarios[s].SampleYear(ref random, out int n);
                events += n;
            }

            annualLosses[year] = total;
        }

        return events;
    }
}

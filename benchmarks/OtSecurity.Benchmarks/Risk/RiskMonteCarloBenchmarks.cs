using BenchmarkDotNet.Attributes;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Loss;
using OtSecurity.Risk.Simulation;

namespace OtSecurity.Benchmarks.Risk;

/// <summary>
/// The Monte Carlo of annual loss, 1,000,000 simulated years of one production-line scenario (PERT frequency,
/// vulnerability, outage hours, hourly cost, response and replacement, lognormal fines). Samples per second =
/// 1,000,000 / mean time. Baseline: drawing the same number of raw 64-bit values from the generator.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class RiskMonteCarloBenchmarks
{
    private const int Samples = 1_000_000;
    private LossScenario[] _scenarios = [];
    private double[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _scenarios = ProductionLineScenario();
        _buffer = new double[Samples];
    }

    /// <summary>The measured scenario: one production-line PLC (also used by <see cref="RiskCpuTime"/>).</summary>
    /// <returns>The scenario.</returns>
    public static LossScenario[] ProductionLineScenario() =>
    [
        new LossScenario(
            "production line PLC",
            Distribution.Pert(0.2, 1.0, 4.0, "threat events per year"),
            Distribution.Pert(0.05, 0.2, 0.6, "vulnerability"),
            new LossMagnitudeModel(
                Distribution.Pert(2, 8, 48, "outage hours"),
                Distribution.Pert(50_000, 158_114, 500_000, "hourly downtime cost"),
                new RestartProfile(1, 0.25),
                Distribution.Pert(5_000, 20_000, 100_000, "response"),
                Distribution.Pert(10_000, 40_000, 150_000, "replacement"),
                0.1,
                Distribution.LogNormalFrom90PercentInterval(10_000, 250_000, "fines"),
                0.05)),
    ];

    [Benchmark(Baseline = true, Description = "1M raw xoshiro256** draws")]
    public ulong RawGenerator()
    {
        var g = new Xoshiro256StarStar(1);
        ulong acc = 0;
        for (int i = 0; i < Samples; i++)
        {
            acc ^= g.NextUInt64();
        }

        return acc;
    }

    [Benchmark(Description = "1M-year Monte Carlo into a buffer")]
    public long Simulate() => LossSimulation.Simulate(_scenarios, 62443, _buffer);

    [Benchmark(Description = "1M-year Monte Carlo + percentiles, LEC")]
    public double RunWithSummary() =>
        LossSimulation.Run(_scenarios, new MonteCarloOptions { Samples = Samples, Seed = 62443 }).AnnualizedLossExpectancy;
}

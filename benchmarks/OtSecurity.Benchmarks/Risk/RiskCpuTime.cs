using System.Diagnostics;
using System.Globalization;
using OtSecurity.Risk.Simulation;

namespace OtSecurity.Benchmarks.Risk;

/// <summary>
/// CPU time of 1,000,000 simulated years, the figure behind "well under a second on one core" (docs/performance.md,
/// Risk): the scenario of <see cref="RiskMonteCarloBenchmarks"/>, <see cref="Process.TotalProcessorTime"/> around each
/// call after three warm-up rounds. On a loaded machine this is steadier than wall-clock time.
/// Run: <c>dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- risk-cpu</c>.
/// </summary>
internal static class RiskCpuTime
{
    private const int Seed = 62443;

    public static int Run()
    {
        var scenarios = RiskMonteCarloBenchmarks.ProductionLineScenario();
        var buffer = new double[1_000_000];
        var options = new MonteCarloOptions { Samples = buffer.Length, Seed = Seed };
        for (int i = 0; i < 3; i++)
        {
            LossSimulation.Simulate(scenarios, Seed, buffer);
            LossSimulation.Run(scenarios, options);
        }

        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < 5; round++)
        {
            process.Refresh();
            TimeSpan start = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            LossSimulation.Simulate(scenarios, Seed, buffer);
            TimeSpan simulateWall = wall.Elapsed;
            process.Refresh();
            TimeSpan afterSimulate = process.TotalProcessorTime;
            wall.Restart();
            SimulationResult result = LossSimulation.Run(scenarios, options);
            TimeSpan runWall = wall.Elapsed;
            process.Refresh();
            TimeSpan afterRun = process.TotalProcessorTime;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: Simulate cpu {(afterSimulate - start).TotalMilliseconds:0} ms wall {simulateWall.TotalMilliseconds:0} ms; Run cpu {(afterRun - afterSimulate).TotalMilliseconds:0} ms wall {runWall.TotalMilliseconds:0} ms; ALE {result.AnnualizedLossExpectancy:0}"));
        }

        return 0;
    }
}

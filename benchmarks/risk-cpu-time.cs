#:project ../src/OtSecurity.Risk/OtSecurity.Risk.csproj
using System.Diagnostics;
using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Loss;
using OtSecurity.Risk.Simulation;

// CPU time of 1,000,000 simulated years, the figure behind "well under a second on one core" (docs/performance.md#risk):
// the scenario of benchmarks/OtSecurity.Benchmarks/Risk/RiskMonteCarloBenchmarks.cs, Process.TotalProcessorTime around
// each call after three warm-up rounds. Run: dotnet run -c Release benchmarks/risk-cpu-time.cs
LossScenario[] scenarios =
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
var buffer = new double[1_000_000];
var options = new MonteCarloOptions { Samples = 1_000_000, Seed = 62443 };
for (int i = 0; i < 3; i++) { LossSimulation.Simulate(scenarios, 62443, buffer); LossSimulation.Run(scenarios, options); }
var p = Process.GetCurrentProcess();
for (int round = 0; round < 5; round++)
{
    p.Refresh(); TimeSpan c0 = p.TotalProcessorTime; var w = Stopwatch.StartNew();
    LossSimulation.Simulate(scenarios, 62443, buffer);
    w.Stop(); p.Refresh(); TimeSpan c1 = p.TotalProcessorTime;
    var w2 = Stopwatch.StartNew();
    var r = LossSimulation.Run(scenarios, options);
    w2.Stop(); p.Refresh(); TimeSpan c2 = p.TotalProcessorTime;
    Console.WriteLine($"round {round}: Simulate cpu {(c1 - c0).TotalMilliseconds:0} ms wall {w.Elapsed.TotalMilliseconds:0} ms; Run cpu {(c2 - c1).TotalMilliseconds:0} ms wall {w2.Elapsed.TotalMilliseconds:0} ms; ALE {r.AnnualizedLossExpectancy:0}");
}

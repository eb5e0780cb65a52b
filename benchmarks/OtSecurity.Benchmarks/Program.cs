using BenchmarkDotNet.Running;

// Run a subset: dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- --filter '*Modbus*' --job short
// Peak memory of one capture run: dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- capture-peak 1000000
// CPU time of the 1M-year risk Monte Carlo:      dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- risk-cpu
if (args.Length > 0 && args[0] == "capture-peak")
{
    return OtSecurity.Benchmarks.Capture.CapturePeak.Run(args);
}

if (args.Length > 0 && args[0] == "risk-cpu")
{
    return OtSecurity.Benchmarks.Risk.RiskCpuTime.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new OtSecurity.Benchmarks.BenchmarkConfig());
return 0;

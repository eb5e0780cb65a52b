using BenchmarkDotNet.Running;

// Run a subset: dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- --filter '*Modbus*' --job short
// Peak memory of one capture run: dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- capture-peak 1000000
if (args.Length > 0 && args[0] == "capture-peak")
{
    return OtSecurity.Benchmarks.Capture.CapturePeak.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new OtSecurity.Benchmarks.BenchmarkConfig());
return 0;

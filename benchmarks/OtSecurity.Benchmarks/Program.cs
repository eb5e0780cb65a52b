using BenchmarkDotNet.Running;

// Run a subset: dotnet run -c Release --project benchmarks/OtSecurity.Benchmarks -- --filter '*Modbus*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new OtSecurity.Benchmarks.BenchmarkConfig());

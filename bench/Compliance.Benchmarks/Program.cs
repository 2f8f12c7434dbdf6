using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Compliance.Benchmarks.BenchData).Assembly).Run(args);

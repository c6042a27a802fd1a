using BenchmarkDotNet.Running;

namespace Ditio.Documents.Benchmarks.Bench;

/// <summary><c>bench [BenchmarkDotNet arguments]</c>: runs <see cref="CallOverheadBenchmarks"/>, all of them unless filtered.</summary>
internal static class BenchCommand
{
    public static int Run(string[] args)
    {
        // Without a filter BenchmarkDotNet would ask interactively which benchmarks to run.
        string[] effective = args.Contains("--filter") || args.Contains("-f") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromTypes([typeof(CallOverheadBenchmarks)]).Run(effective);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

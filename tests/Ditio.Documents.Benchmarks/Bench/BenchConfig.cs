using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Ditio.Documents.Benchmarks.Bench;

/// <summary>
/// A short job with allocations measured: one launch, 20 warm-up and 15 measured iterations of about 0.25 s, so the
/// whole run takes about two minutes on two cores. The SDK path (Refit, Polly, the handlers) takes 3 to 4 seconds of
/// calls to reach tier-1 code; BenchmarkDotNet's ShortRun (3 warm-ups) would measure it half-jitted.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithId("Short")
            .WithLaunchCount(1)
            .WithWarmupCount(20)
            .WithIterationCount(15)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        WithOptions(ConfigOptions.JoinSummary);
    }
}

using Ditio.Documents.Benchmarks.Bench;
using Ditio.Documents.Benchmarks.Cli;
using Ditio.Documents.Benchmarks.Cold;
using Ditio.Documents.Benchmarks.Sink;
using Ditio.Documents.Benchmarks.Transfer;

namespace Ditio.Documents.Benchmarks;

/// <summary>
/// The SDK's performance proof. Verbs: <c>bench</c> (BenchmarkDotNet: per-call overhead against a raw HttpClient),
/// <c>transfer</c> (throughput and memory against a sink server in another process), <c>cli</c> (sync and ditio-docs against emulators), <c>cold</c> (first call in a fresh process), and the child verbs it starts:
/// <c>sink</c>, <c>push</c> and <c>cold-child</c>. See docs/performance.md.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args) => args switch
    {
        ["bench", .. var rest] => BenchCommand.Run(rest),
        ["transfer", .. var rest] => await TransferCommand.RunAsync(rest),
        ["cli", .. var rest] => await CliBenchCommand.RunAsync(rest),
        ["cold", .. var rest] => await ColdCommand.RunAsync(rest),
        ["cold-child", .. var rest] => await ColdChild.RunAsync(rest),
        ["sink", ..] => await SinkServer.RunAsync(),
        ["push", .. var rest] => await PushCommand.RunAsync(rest),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project tests/Ditio.Documents.Benchmarks -- <verb>
              bench [BenchmarkDotNet args]   per-call overhead, SDK vs raw HttpClient (e.g. bench --filter *list*)
              transfer [--rounds N]          throughput and peak memory against a sink server in a separate process
              cli [--files N] [--push-files N] [--delay-ms N]   no-op re-sync (SDK and ditio-docs) and parallel push, on emulators
              cold [--rounds N] [--cli-rounds N] [--env NAME=VALUE]... [--cli "PATH [NAME=VALUE]..."]... [--cli-only]   first call in a fresh process, SDK vs raw; ditio-docs start-up
              cold-child --client sdk|sdk-di|raw --op upload|list --api URL --t0 T [--trace]   (child) one first call
              sink                           (child) the sink server; prints its address, stops when stdin closes
              push --api URL --files N --size BYTES [--parallel P]   (child) one UploadManyAsync; prints its peak working set
            """);
        return 2;
    }
}

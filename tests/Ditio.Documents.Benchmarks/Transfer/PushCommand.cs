using System.Diagnostics;
using System.Globalization;
using Ditio.Documents.Benchmarks.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>
/// <c>push --api URL --files N --size BYTES [--parallel P]</c>: one <c>UploadManyAsync</c> of N synthetic files of
/// BYTES each, then <c>peak_working_set_bytes=...</c> as the last line. Run as a child so each push's peak is its own.
/// </summary>
internal static class PushCommand
{
    public const string PeakPrefix = "peak_working_set_bytes=";

    public static async Task<int> RunAsync(string[] args)
    {
        var server = new Uri(Option(args, "--api"));
        var files = int.Parse(Option(args, "--files"), CultureInfo.InvariantCulture);
        var size = long.Parse(Option(args, "--size"), CultureInfo.InvariantCulture);
        var parallel = int.Parse(Option(args, "--parallel", "4"), CultureInfo.InvariantCulture);

        await using var services = SdkClients.Build(server, maxParallelRequests: parallel);
        var sdk = services.GetRequiredService<IDitioDocumentsClient>();
        var streams = Enumerable.Range(0, files).Select(_ => new SyntheticStream(size)).ToList();
        var uploads = streams.Select((s, i) => DocumentUploadFile.FromStream(s, $"push-{i:D3}.pdf")).ToList();

        var started = Stopwatch.GetTimestamp();
        var result = await sdk.UploadManyAsync(DocumentTarget.Project("p1"), uploads);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        streams.ForEach(s => s.Dispose());

        var failed = result.Outcomes.Where(o => o.Status != DocumentUploadStatus.Uploaded).ToList();
        var allocated = GC.GetTotalAllocatedBytes() / (1024.0 * 1024);
        var gcs = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pushed={result.Outcomes.Count - failed.Count}/{files} requests={result.RequestCount} seconds={seconds:F2} "
            + $"MBps={files * size / seconds / 1e6:F0} allocatedMiB={allocated:F1} gcs={gcs}"));
        failed.ForEach(f => Console.Error.WriteLine($"failed: {f.File.FileName}: {f.Error?.Message}"));
        Console.WriteLine(PeakPrefix + PeakMemory.PeakWorkingSetBytes().ToString(CultureInfo.InvariantCulture));
        return failed.Count == 0 ? 0 : 1;
    }

    private static string Option(string[] args, string name, string? fallback = null)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1]
            : fallback ?? throw new ArgumentException($"push needs {name}.", nameof(args));
    }
}

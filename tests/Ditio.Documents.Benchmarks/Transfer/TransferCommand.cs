using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Ditio.Documents.Benchmarks.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>
/// <c>transfer [--rounds N]</c>: starts the sink in its own process, measures SDK against raw throughput for 25 MiB
/// uploads and downloads (N rounds, 41 by default, after 3 unmeasured ones; medians), then the SDK's peak working set
/// pushing 100 MiB and 1 GiB with <c>UploadManyAsync</c>, each push in a child process. The last line is the
/// <c>ratios:</c> summary.
/// </summary>
internal static class TransferCommand
{
    private const long MiB = 1024 * 1024;
    private const long TransferSize = 25 * MiB;
    private const int WarmupRounds = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--rounds");
        var rounds = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 41;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1024 * MiB);
        Print($"machine: {Environment.ProcessorCount} cores, {memory:F1} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

        await using var sink = await SinkProcess.StartAsync();
        Print($"sink: {sink.Address} (Kestrel, separate process)");
        var (upload, download) = await MeasureThroughputAsync(sink.Address, rounds);
        var small = await PushAsync(sink.Address, 4, 25 * MiB, "100 MiB");
        var large = await PushAsync(sink.Address, 40, 1024 * MiB / 40, "1 GiB");
        Print($"ratios: upload={upload:F2} download={download:F2} memory={large / (double)small:F2}");
        return 0;
    }

    private static async Task<(double Upload, double Download)> MeasureThroughputAsync(Uri server, int rounds)
    {
        await using var services = SdkClients.Build(server);
        using var raw = new HttpClient { BaseAddress = server };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "raw-token");
        var runs = new ThroughputRuns(services.GetRequiredService<IDitioDocumentsClient>(), raw);
        ThroughputSeries[] series =
        [
            new("upload   25 MiB  SDK", runs.SdkUploadAsync), new("upload   25 MiB  raw", runs.RawUploadAsync),
            new("download 25 MiB  SDK", runs.SdkDownloadAsync), new("download 25 MiB  raw", runs.RawDownloadAsync),
        ];

        // Unmeasured rounds first (JIT up to tier 1, connections, token); then rounds that alternate which client goes first.
        for (var round = -WarmupRounds; round < rounds; round++)
        {
            foreach (var i in round % 2 == 0 ? new[] { 0, 1, 2, 3 } : [1, 0, 3, 2])
            {
                await series[i].SampleAsync(TransferSize, record: round >= 0);
            }
        }

        foreach (var s in series)
        {
            Console.WriteLine(s);
        }

        // Each round ran SDK and raw back to back: the median of their per-round ratios shrugs off bursts of load.
        Print($"per-round SDK/raw, median: upload {PairedRatio(series[0], series[1]):F2}, download {PairedRatio(series[2], series[3]):F2}");
        return (series[0].MedianRate / series[1].MedianRate, series[2].MedianRate / series[3].MedianRate);
    }

    private static async Task<long> PushAsync(Uri server, int files, long size, string label)
    {
        using var process = ChildProcess.Start(
            "push", "--api", server.ToString(), "--files", $"{files}", "--size", size.ToString(CultureInfo.InvariantCulture), "--parallel", "4");
        process.StandardInput.Close();
        var output = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await process.WaitForExitAsync();
        var peakLine = output.LastOrDefault(l => l.StartsWith(PushCommand.PeakPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || peakLine is null)
        {
            throw new InvalidOperationException($"The {label} push failed (exit code {process.ExitCode}): {string.Join(" | ", output)}");
        }

        var peak = long.Parse(peakLine[PushCommand.PeakPrefix.Length..], CultureInfo.InvariantCulture);
        Print($"memory   {label,-7} SDK UploadManyAsync ({files} x {size} B, 4 parallel, own process): peak working set {peak / (double)MiB:F1} MiB ({output[0]})");
        return peak;
    }

    private static double PairedRatio(ThroughputSeries sdk, ThroughputSeries raw) =>
        ThroughputSeries.Median(sdk.Rates.Zip(raw.Rates, (a, b) => a / b).ToList());

    private static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
}

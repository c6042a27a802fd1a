using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Ditio.Documents.Testing;

namespace Ditio.Documents.Benchmarks.Cli;

/// <summary>
/// <c>cli [--files N] [--push-files N] [--delay-ms N]</c>: the two measurements of docs/performance.md, "Sync and CLI",
/// against in-process emulators. (a) A no-op re-sync of many small files, through the SDK and through ditio-docs as a child process,
/// with the requests the emulator saw. (b) Pushing files each in its own request (<c>MaxFilesPerRequest = 1</c>)
/// with latency injected per response, one request at a time and four at a time.
/// </summary>
internal static class CliBenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

        var folder = Directory.CreateTempSubdirectory("ditio-bench-").FullName;
        try
        {
            await NoOpResyncAsync(Path.Combine(folder, "sync"), Option("--files", 1000), CancellationToken.None);
            await ParallelPushAsync(Path.Combine(folder, "push"), Option("--push-files", 100), Option("--delay-ms", 50), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task NoOpResyncAsync(string folder, int count, CancellationToken cancellationToken)
    {
        WriteFiles(folder, count, 1_000);
        await using var emulator = await DitioEmulator.StartAsync(cancellationToken: cancellationToken);
        using var client = DitioDocumentsClient.Create(emulator.CreateClientOptions());
        var target = DocumentTarget.Project(DitioEmulator.SampleProjectId);
        var clock = Stopwatch.StartNew();
        var first = await client.SyncFolderAsync(folder, target, cancellationToken: cancellationToken);
        Console.WriteLine($"(a) first sync of {count} files of 1,000 bytes: {Ms(clock)}, added {first.Added}, {Requests(emulator)}");
        for (var run = 1; run <= 3; run++)
        {
            emulator.ClearJournal();
            clock.Restart();
            var again = await client.SyncFolderAsync(folder, target, cancellationToken: cancellationToken);
            Console.WriteLine($"(a) SDK no-op re-sync #{run}: {Ms(clock)}, unchanged {again.Unchanged}, {Requests(emulator)}");
        }

        for (var run = 1; run <= 3; run++)
        {
            emulator.ClearJournal();
            var (elapsed, exit) = await RunThisToolAsync(emulator, ["sync", folder, $"id:{DitioEmulator.SampleProjectId}"], cancellationToken);
            Console.WriteLine($"(a) CLI no-op re-sync #{run} (process start to exit): {elapsed.TotalMilliseconds:N0} ms, exit {exit}, {Requests(emulator)}");
        }
    }

    private static async Task ParallelPushAsync(string folder, int count, int delayMs, CancellationToken cancellationToken)
    {
        WriteFiles(folder, count, 10_000);
        var times = new Dictionary<int, TimeSpan>();
        foreach (var parallel in new[] { 1, 4 })
        {
            await using var emulator = await DitioEmulator.StartAsync(cancellationToken: cancellationToken);
            emulator.Faults.ResponseDelay = TimeSpan.FromMilliseconds(delayMs);
            var options = emulator.CreateClientOptions();
            options.Transfers.MaxFilesPerRequest = 1;
            options.Transfers.MaxParallelRequests = parallel;
            using var client = DitioDocumentsClient.Create(options);
            var target = DocumentTarget.Project(DitioEmulator.SampleProjectId);
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(path => DocumentUploadFile.FromPath(path)).ToList();
            await client.UploadManyAsync(target, files.Take(4), new() { Section = "Warm-up" }, cancellationToken);
            var clock = Stopwatch.StartNew();
            var result = await client.UploadManyAsync(target, files, new() { Section = "Bench" }, cancellationToken);
            times[parallel] = clock.Elapsed;
            Console.WriteLine(
                $"(b) push {count} files of 10,000 bytes, {delayMs} ms latency per response, MaxFilesPerRequest 1, " +
                $"MaxParallelRequests {parallel}: {Ms(clock)}, {result.RequestCount} requests, {result.Uploaded.Count()} uploaded");
        }

        Console.WriteLine($"(b) speed-up of 4 over 1: {(times[1] / times[4]).ToString("0.0", CultureInfo.InvariantCulture)}x");
    }

    private static void WriteFiles(string folder, int count, int size)
    {
        Directory.CreateDirectory(folder);
        var bytes = new byte[size];
        for (var i = 0; i < count; i++)
        {
            new Random(i).NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(folder, $"doc-{i:0000}.pdf"), bytes);
        }
    }

    /// <summary>The built ditio-docs.dll, whose path the build writes into this assembly (the CLI is a build-only reference).</summary>
    private static string CliPath { get; } = typeof(CliBenchCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DitioCliPath").Value!;

    /// <summary>Runs ditio-docs as a child process against the emulator, timed from start to exit.</summary>
    private static async Task<(TimeSpan Elapsed, int ExitCode)> RunThisToolAsync(DitioEmulator emulator, string[] args, CancellationToken cancellationToken)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliPath);

        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["DITIO_API_BASE"] = emulator.ApiBaseUrl.AbsoluteUri;
        start.Environment["DITIO_IDENTITY_BASE"] = emulator.IdentityBaseUrl.AbsoluteUri;
        start.Environment["DITIO_CLIENT_ID"] = emulator.ClientId;
        start.Environment["DITIO_CLIENT_SECRET"] = emulator.ClientSecret;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        await drain;
        return (elapsed, process.ExitCode);
    }

    private static string Requests(DitioEmulator emulator)
    {
        var journal = emulator.Journal;
        var lists = journal.Count(r => r.Method == "GET" && r.Path.EndsWith("/documents", StringComparison.Ordinal));
        var uploads = journal.Count(r => r.Method == "POST" && r.Path.EndsWith("/documents", StringComparison.Ordinal));
        var tokens = journal.Count(r => r.Path.EndsWith("/connect/token", StringComparison.Ordinal));
        return $"requests: {lists} list, {uploads} upload, {journal.Count - lists - uploads - tokens} other API, {tokens} token";
    }

    private static string Ms(Stopwatch clock) => $"{clock.Elapsed.TotalMilliseconds:N0} ms";
}

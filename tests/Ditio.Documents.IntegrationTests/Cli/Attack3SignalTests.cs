using System.Diagnostics;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>
/// Attack3: SIGTERM mid-transfer stops ditio-docs promptly (exit 130), leaves the local files and no partial file or
/// sync lock behind, and a rerun ends with every file once. Runs the binary DITIO_DOCS_BINARY names (the Native AOT one:
/// dotnet publish src/Ditio.Documents.Cli -c Release -r linux-x64), else the built ditio-docs.dll. SIGINT (Ctrl+C) takes
/// the same path in ditio-docs but is not sent here: where the test run was started in the background by a
/// non-interactive shell (as CI may be), every process under it inherits SIGINT ignored (POSIX), so the case would
/// depend on how the run was started.
/// </summary>
public sealed class Attack3SignalTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);
    private readonly TestFiles _files = new();

    [Theory]
    [InlineData("TERM")]
    public async Task Push_SignalledMidUpload_StopsPromptly_Exit130_LocalFilesIntact(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var emulator = await DitioEmulator.StartAsync();
        var path = _files.Write("big.pdf", 2_000_000, seed: 3);
        var hash = TestFiles.Sha256(path);
        emulator.Faults.ThrottleBytesPerSecond = 50_000;

        using var process = Start(emulator, "push", DitioEmulator.SampleProjectNumber, path, "--section", "Drawings");
        await UntilAsync(() => emulator.Journal.Any(r => r.Path.Contains("by-project-number", StringComparison.Ordinal)), process);
        await Task.Delay(1000); // the upload (40 s at this rate) is under way
        Assert.False(process.HasExited);
        var (code, elapsed) = await SignalAsync(process, signal);

        Assert.Equal(130, code);
        Assert.True(elapsed < Prompt, $"stopped after {elapsed}");
        Assert.Equal(hash, TestFiles.Sha256(path));
        Assert.Equal(["big.pdf"], Directory.GetFiles(_files.Folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("TERM")]
    public async Task Sync_SignalledMidBatch_StopsPromptly_NoLockOrTemp_RerunHasEachFileOnce(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var emulator = await DitioEmulator.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            _files.Write($"f{i}.pdf", 300_000, seed: i);
        }

        emulator.Faults.ThrottleBytesPerSecond = 100_000;
        using var process = Start(emulator, "sync", _files.Folder, DitioEmulator.SampleProjectNumber, "--parallel", "1");
        await UntilAsync(() => File.Exists(Path.Combine(_files.Folder, DocumentSyncOptions.DefaultManifestFileName)), process);
        var (code, elapsed) = await SignalAsync(process, signal);
        emulator.Faults.Clear();
        var rerun = await RunAsync(emulator, "sync", _files.Folder, DitioEmulator.SampleProjectNumber, "--json");

        Assert.Equal(130, code);
        Assert.True(elapsed < Prompt, $"stopped after {elapsed}");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(["f0.pdf", "f1.pdf", "f2.pdf", "f3.pdf"], emulator.GetDocuments().Select(d => d.Name).Order());
        Assert.DoesNotContain(Directory.GetFiles(_files.Folder), f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.EndsWith(".lock", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    internal static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, string? folder, params string[] args)
    {
        var start = DitioDocsProcess.StartInfo(environment, folder, args);
        if (Environment.GetEnvironmentVariable("DITIO_DOCS_BINARY") is { Length: > 0 } binary)
        {
            start.FileName = binary;
            start.ArgumentList.RemoveAt(0);
        }

        return start;
    }

    private async Task<CliRun> RunAsync(DitioEmulator emulator, params string[] args)
    {
        using var process = Process.Start(StartInfo(DitioDocsProcess.EnvironmentFor(emulator), _files.Folder, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private Process Start(DitioEmulator emulator, params string[] args)
    {
        var process = Process.Start(StartInfo(DitioDocsProcess.EnvironmentFor(emulator), _files.Folder, args))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task UntilAsync(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "ditio-docs ended before the point to stop it at.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "ditio-docs never reached the point to stop it at.");
            await Task.Delay(10);
        }
    }

    private static async Task<(int Code, TimeSpan Elapsed)> SignalAsync(Process process, string signal)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, clock.Elapsed);
    }
}

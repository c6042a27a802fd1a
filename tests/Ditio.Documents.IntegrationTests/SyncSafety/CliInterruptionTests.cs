using System.Diagnostics;
using Ditio.Documents.IntegrationTests.Cli;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rules 12 and 14 with a real process stopped by SIGTERM mid-transfer: no temporary file left, no document doubled.</summary>
public sealed class CliInterruptionTests : IDisposable
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task Get_StoppedMidDownload_Exit130_AndLeavesNoFileBehind()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var document = emulator.AddDocument(DitioEmulator.SampleProjectId, "plan.pdf", SafetyJournal.Bytes(2_000_000, 1));
        emulator.Faults.ThrottleBytesPerSecond = 100_000;

        using var process = Start(emulator, "get", DitioEmulator.SampleProjectNumber, document.FileReferenceId);
        await UntilAsync(() => Directory.GetFiles(Folder, "*.partial").Length > 0, process);
        var code = await StopAsync(process);

        Assert.Equal(130, code);
        Assert.Empty(Directory.GetFileSystemEntries(Folder));
    }

    [Fact]
    public async Task Sync_StoppedWhileABatchIsInFlight_Exit130_AndTheRerunEndsWithEveryFileOnce()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            _files.Write($"f{i}.pdf", 200_000, seed: i);
        }

        emulator.Faults.ThrottleBytesPerSecond = 100_000;
        using var process = Start(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--parallel", "1");
        var manifest = Path.Combine(Folder, DocumentSyncOptions.DefaultManifestFileName);
        await UntilAsync(() => File.Exists(manifest), process);
        var code = await StopAsync(process);
        emulator.Faults.Clear();
        var rerun = await DitioDocsProcess.RunAsync(emulator, "sync", Folder, DitioEmulator.SampleProjectNumber, "--json");

        Assert.Equal(130, code);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(["f0.pdf", "f1.pdf", "f2.pdf", "f3.pdf"], emulator.Names());
        Assert.All(emulator.GetDocuments(), d => Assert.Equal(TestFiles.Sha256(Path.Combine(Folder, d.Name)), d.Sha256));
        Assert.DoesNotContain(Directory.GetFiles(Folder), f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.EndsWith(".lock", StringComparison.Ordinal));
    }

    private Process Start(DitioEmulator emulator, params string[] args)
    {
        var process = Process.Start(DitioDocsProcess.StartInfo(DitioDocsProcess.EnvironmentFor(emulator), Folder, args))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Waits for a sign on disk that the process is mid-transfer (polling the file system, which has no signal to wait on).</summary>
    private static async Task UntilAsync(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "ditio-docs ended before the point to stop it at.");
            Assert.True(clock.Elapsed < Cap, "ditio-docs never reached the point to stop it at.");
            await Task.Delay(10);
        }
    }

    private static async Task<int> StopAsync(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill();
            await process.WaitForExitAsync();
            return 130;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(Cap);
        return process.ExitCode;
    }

    public void Dispose() => _files.Dispose();
}

using System.Diagnostics;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>ditio-docs emulator, the global --emulator option, and --help, as a real process.</summary>
public sealed class CliEmulatorTests
{
    [Fact]
    public async Task EmulatorCommand_PrintsTheFourExportLinesFirst_ServesThem_AndStopsOnSigterm()
    {
        using var process = Process.Start(DitioDocsProcess.StartInfo(null, null, "emulator"))!;
        try
        {
            var lines = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                lines.Add(await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? "");
            }

            Assert.Equal(
                ["export DITIO_API_BASE=", "export DITIO_IDENTITY_BASE=", "export DITIO_CLIENT_ID=", "export DITIO_CLIENT_SECRET="],
                lines.Select(l => l[..(l.IndexOf('=', StringComparison.Ordinal) + 1)]));
            var environment = lines.Select(l => l["export ".Length..].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
            var projects = await DitioDocsProcess.RunAsync(environment, workingDirectory: null, "projects");
            Assert.True(projects.ExitCode == 0, projects.ToString());
            Assert.Contains(DitioEmulator.SampleProjectId, projects.Stdout, StringComparison.Ordinal);

            await StopAsync(process);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Stopping the Ditio emulator.", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task EmulatorOption_RunsTheCommandOnAFreshInProcessEmulator_WithoutAnySetting()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ditio-cli-").FullName, "Drawing.pdf");
        await File.WriteAllBytesAsync(file, new byte[1234]);
        try
        {
            var run = await DitioDocsProcess.RunBareAsync("--emulator", "push", DitioEmulator.SampleProjectNumber, file, "--json");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("project P-2026-001 (Prosjekt Fjellhall)", run.Json.GetProperty("target").GetString());
            Assert.Equal(1, run.Json.GetProperty("uploaded").GetInt32());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public async Task Help_DocumentsTheCommandsTargetsSettingsAndExitCodes()
    {
        var root = await DitioDocsProcess.RunBareAsync("--help");
        var push = await DitioDocsProcess.RunBareAsync("push", "--help");

        Assert.Equal((0, 0), (root.ExitCode, push.ExitCode));
        foreach (var text in new[] { "projects", "work-orders <project>", "ls <target>", "push <target> <files>", "get <target> <fileReferenceId>", "rm <target> <fileReferenceId>", "sync <folder> <target>", "emulator" })
        {
            Assert.Contains("  " + text, root.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("bench", root.Stdout, StringComparison.Ordinal);
        foreach (var text in new[] { "P-2026-001, project:P-2026-001", "id:ID, project-id:ID", "wo:ID, work-order:ID", "DITIO_CLIENT_ID", "DITIO_ENVIRONMENT", "DITIO_API_BASE", "Exit codes:", "3    authentication error" })
        {
            Assert.Contains(text, root.Stdout, StringComparison.Ordinal);
            Assert.Contains(text, push.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("--section", push.Stdout, StringComparison.Ordinal);
        Assert.Contains("--replace", push.Stdout, StringComparison.Ordinal);
    }

    /// <summary>SIGTERM where there are signals (the CLI handles it with PosixSignalRegistration); a kill elsewhere.</summary>
    private static async Task StopAsync(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill();
            await process.WaitForExitAsync();
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }
}

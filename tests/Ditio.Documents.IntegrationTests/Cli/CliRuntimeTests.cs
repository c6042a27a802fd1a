using System.Diagnostics;
using System.Text.Json;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>
/// ditio-docs needs only the .NET runtime; its emulator (a bundled child process) needs ASP.NET Core too. Proven on a
/// dotnet root made for the test that holds the .NET runtime and no ASP.NET Core.
/// </summary>
public sealed class CliRuntimeTests : IDisposable
{
    private static readonly string CliFolder = Path.GetDirectoryName(DitioDocsProcess.DllPath)!;
    private readonly string _root = Directory.CreateTempSubdirectory("ditio-dotnet-root-").FullName;

    [Fact]
    public void RuntimeConfig_OfTheTool_ListsOnlyTheNetRuntime_AndOfTheBundledEmulator_AspNetCoreToo()
    {
        Assert.Equal(["Microsoft.NETCore.App"], Frameworks(Path.Combine(CliFolder, "ditio-docs.runtimeconfig.json")));
        Assert.Equal(["Microsoft.AspNetCore.App", "Microsoft.NETCore.App"], Frameworks(Path.Combine(CliFolder, "emulator", "ditio-emulator.runtimeconfig.json")).Order());
        Assert.False(File.Exists(Path.Combine(CliFolder, "Ditio.Documents.Testing.dll")), "the emulator library must not sit beside the tool");
    }

    [Fact]
    public async Task WithoutAspNetCore_OrdinaryCommandsRun_AndEmulatorSaysWhatIsMissing()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The root below is built with symbolic links to the running .NET's folders.
        }

        var dotnet = NetRuntimeOnlyRoot();
        await using var emulator = await DitioEmulator.StartAsync();

        var projects = await RunAsync(dotnet, DitioDocsProcess.EnvironmentFor(emulator), "projects", "--json");
        var withEmulator = await RunAsync(dotnet, null, "--emulator", "projects");

        Assert.True(projects.ExitCode == 0, projects.ToString());
        Assert.Contains(DitioEmulator.SampleProjectId, projects.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, withEmulator.ExitCode);
        Assert.Contains("The Ditio emulator did not start", withEmulator.Stderr, StringComparison.Ordinal);
        Assert.Contains("need the ASP.NET Core runtime", withEmulator.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmulatorCommand_KilledHard_TheEmulatorChildStopsWithIt()
    {
        using var process = Process.Start(DitioDocsProcess.StartInfo(null, null, "emulator"))!;
        string apiBase;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            apiBase = first!["export DITIO_API_BASE=".Length..];
            using var http = new HttpClient();
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync($"{apiBase}/api/v4/integration/projects")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: false); // the parent only, as SIGKILL or a crash would end it
        }

        // The child sees its standard input close and stops; its port then refuses connections.
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync($"{apiBase}/api/v4/integration/projects", deadline.Token);
            }
            catch (HttpRequestException)
            {
                return;
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string[] Frameworks(string runtimeConfig)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var options = json.RootElement.GetProperty("runtimeOptions");
        return options.TryGetProperty("frameworks", out var many)
            ? [.. many.EnumerateArray().Select(f => f.GetProperty("name").GetString()!)]
            : [options.GetProperty("framework").GetProperty("name").GetString()!];
    }

    /// <summary>A copy of the dotnet host in a folder of its own, with the host resolver and the .NET runtime linked in, and no ASP.NET Core.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string NetRuntimeOnlyRoot()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : Environment.ProcessPath!;
        var realRoot = Path.GetDirectoryName(Path.GetFullPath(new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host))!;
        var dotnet = Path.Combine(_root, "dotnet");
        File.Copy(Path.Combine(realRoot, "dotnet"), dotnet);
        File.SetUnixFileMode(dotnet, File.GetUnixFileMode(Path.Combine(realRoot, "dotnet")));
        Directory.CreateSymbolicLink(Path.Combine(_root, "host"), Path.Combine(realRoot, "host"));
        Directory.CreateDirectory(Path.Combine(_root, "shared"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared", "Microsoft.NETCore.App"), Path.Combine(realRoot, "shared", "Microsoft.NETCore.App"));
        return dotnet;
    }

    private static async Task<CliRun> RunAsync(string dotnet, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = DitioDocsProcess.StartInfo(environment, null, args);
        start.FileName = dotnet;
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>What a run of ditio-docs left: its exit code, stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built ditio-docs as a real process: <c>dotnet ditio-docs.dll</c>, whose path the build writes into this test
/// assembly (the CLI project is a build-only reference), with DITIO_* variables set for the child only.
/// </summary>
public static class DitioDocsProcess
{
    public static string DllPath { get; } = typeof(DitioDocsProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DitioCliPath").Value!;

    /// <summary>The variables that point the CLI at an emulator; <paramref name="secret"/> replaces its secret.</summary>
    public static Dictionary<string, string> EnvironmentFor(DitioEmulator emulator, string? secret = null) => new()
    {
        ["DITIO_API_BASE"] = emulator.ApiBaseUrl.AbsoluteUri,
        ["DITIO_IDENTITY_BASE"] = emulator.IdentityBaseUrl.AbsoluteUri,
        ["DITIO_CLIENT_ID"] = emulator.ClientId,
        ["DITIO_CLIENT_SECRET"] = secret ?? emulator.ClientSecret,
    };

    public static Task<CliRun> RunAsync(DitioEmulator emulator, params string[] args) =>
        RunAsync(EnvironmentFor(emulator), workingDirectory: null, args);

    /// <summary>Runs with no DITIO_* variable at all.</summary>
    public static Task<CliRun> RunBareAsync(params string[] args) => RunAsync(null, null, args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, workingDirectory, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ditio-docs {string.Join(' ', args)} did not exit within 60 s.");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DITIO_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

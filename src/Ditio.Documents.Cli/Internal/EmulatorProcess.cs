using System.Diagnostics;
using System.Text;

namespace Ditio.Documents.Cli.Internal;

/// <summary>
/// The Ditio emulator as a child process: <c>emulator/ditio-emulator.dll</c> (bundled beside this tool) run with the
/// dotnet host (<see cref="DotnetHost"/>: the one that runs this tool, else the one DOTNET_ROOT or the PATH names, as a
/// Native AOT ditio-docs has no runtime of its own). Keeping it out of this process is why ordinary commands need only
/// the .NET runtime, or nothing; the emulator needs ASP.NET Core, and says so when it is missing. It stops when its standard input closes, so it
/// never outlives this process.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const int ExportLines = 4;

    /// <summary>How long the emulator may take to print its settings: it starts in about a second; a host that never does is not waited for forever.</summary>
    internal static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private Task? _stopped;

    private EmulatorProcess(Process process, IReadOnlyList<string> lines)
    {
        _process = process;
        Lines = lines;
        Settings = lines.Select(l => l["export ".Length..].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
    }

    /// <summary>Gets the first four lines it printed: <c>export DITIO_API_BASE=...</c> and the rest.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Gets the DITIO_* settings those lines set.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Gets the rest of what it prints.</summary>
    public StreamReader Output => _process.StandardOutput;

    /// <exception cref="CliUsageException">The emulator is not bundled, or did not start (the ASP.NET Core runtime is missing, say).</exception>
    public static async Task<EmulatorProcess> StartAsync(int port, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "emulator", "ditio-emulator.dll");
        if (!File.Exists(dll))
        {
            throw new CliUsageException($"The Ditio emulator is not installed beside ditio-docs (no {dll}): reinstall the tool.");
        }

        var host = DotnetHost.Find() ?? throw new CliUsageException(
            $"--emulator and 'ditio-docs emulator' run the bundled Ditio emulator on .NET, and no dotnet host was found (looked in {DotnetHost.Searched}): "
            + $"install the ASP.NET Core runtime {RuntimeVersion} (https://dot.net/download), or set DOTNET_ROOT to the folder that holds it.");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exit-when-stdin-closes" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliUsageException("The Ditio emulator could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CliUsageException($"The Ditio emulator could not be started with {host}: {ex.Message}.");
        }

        using var startWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startWait.CancelAfter(StartTimeout);
        try
        {
            var lines = new List<string>();
            while (lines.Count < ExportLines && await process.StandardOutput.ReadLineAsync(startWait.Token) is { } line)
            {
                lines.Add(line);
            }

            if (lines.Count < ExportLines || !lines.TrueForAll(l => l.StartsWith("export DITIO_", StringComparison.Ordinal) && l.Contains('=', StringComparison.Ordinal)))
            {
                throw await NotStartedAsync(process, cancellationToken);
            }

            return new EmulatorProcess(process, lines);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(process);
            throw new CliUsageException(
                $"The Ditio emulator did not start within {StartTimeout.TotalSeconds:0} s ({host} {dll}): check that the ASP.NET Core runtime {RuntimeVersion} is installed, or run 'ditio-emulator' yourself to see what it prints.");
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <summary>SDK options pointing at the emulator, read as the DITIO_* variables are.</summary>
    public DitioDocumentsOptions CreateClientOptions() => DitioSettings.FromEnvironment(name => Settings.GetValueOrDefault(name));

    /// <summary>Stops the emulator (once, however often called).</summary>
    public ValueTask DisposeAsync() => new(_stopped ??= StopAsync(_process));

    /// <summary>Closes its standard input (it stops and exits), and kills it if it has not exited within 10 s.</summary>
    private static async Task StopAsync(Process process)
    {
        using (process)
        {
            try
            {
                process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(wait.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }

    private static async Task<CliUsageException> NotStartedAsync(Process process, CancellationToken cancellationToken)
    {
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        var why = string.Join(' ', error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4));
        return new CliUsageException(
            $"The Ditio emulator did not start: {(why.Length > 0 ? why : "it printed nothing")}. --emulator and 'ditio-docs emulator' need the ASP.NET Core runtime "
            + $"{RuntimeVersion} beside the .NET runtime (other commands do not): https://dot.net/download");
    }

    /// <summary>The major.minor version of .NET this tool was built on, which the emulator runs on too.</summary>
    private static string RuntimeVersion => $"{Environment.Version.Major}.{Environment.Version.Minor}";
}

using System.CommandLine;
using Spectre.Console;

namespace Ditio.Documents.Cli.Internal;

/// <summary>
/// One command's run: the global options, the output, and the SDK client, made on first use from the DITIO_* settings
/// or, with --emulator, against a fresh emulator (a child process, see <see cref="EmulatorProcess"/>) that lives as long as the command.
/// </summary>
internal sealed class CliContext(ParseResult parse) : IAsyncDisposable
{
    private EmulatorProcess? _emulator;
    private DitioDocumentsClient? _client;

    public bool Json { get; } = parse.GetValue(GlobalOptions.Json);

    public bool Verbose { get; } = parse.GetValue(GlobalOptions.Verbose);

    public bool UseEmulator { get; } = parse.GetValue(GlobalOptions.Emulator);

    public CliOutput Output { get; } = new(Console.Out);

    /// <summary>Gets a value indicating whether transfers show progress bars: text output to a terminal.</summary>
    public bool ShowProgress => !Json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Makes the client (once); <paramref name="configure"/> may change the options first (transfer limits).</summary>
    /// <exception cref="CliUsageException">A DITIO_* setting is missing or invalid.</exception>
    public async Task<IDitioDocumentsClient> ConnectAsync(CancellationToken cancellationToken, Action<DitioDocumentsOptions>? configure = null)
    {
        if (_client is not null)
        {
            return _client;
        }

        DitioDocumentsOptions options;
        if (UseEmulator)
        {
            _emulator = await EmulatorProcess.StartAsync(port: 0, cancellationToken);
            options = _emulator.CreateClientOptions();
        }
        else
        {
            options = DitioSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        }

        configure?.Invoke(options);
        _client = DitioDocumentsClient.Create(options, Verbose ? new StderrLoggerFactory() : null);
        return _client;
    }

    /// <summary>Connects and resolves a target: a project number is looked up; ids are taken as given.</summary>
    /// <exception cref="CliUsageException">No project has that number.</exception>
    public async Task<(IDitioDocumentsClient Client, ResolvedTarget Target)> ConnectAsync(
        TargetSpec spec, CancellationToken cancellationToken, Action<DitioDocumentsOptions>? configure = null)
    {
        var client = await ConnectAsync(cancellationToken, configure);
        return (client, await ResolvedTarget.ResolveAsync(client, spec, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

using System.Net;
using Ditio.Documents.Testing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Testing;

/// <summary>
/// An in-memory Ditio: a real HTTP server on 127.0.0.1 serving Ditio's token, lookup and document routes, for
/// quickstarts and tests without a Ditio account. Point the SDK at it with <see cref="Configure"/>.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await DitioEmulator.StartAsync();
/// using var ditio = DitioDocumentsClient.Create(emulator.CreateClientOptions());
/// var projects = await ditio.GetProjectsAsync();
/// </code>
/// </example>
public sealed partial class DitioEmulator : IAsyncDisposable
{
    /// <summary>The id of the sample project <see cref="SampleProjectNumber"/>.</summary>
    public const string SampleProjectId = "65f1a2b3c4d5e6f7a8b9c0d1";

    /// <summary>The number of the sample project "Prosjekt Fjellhall".</summary>
    public const string SampleProjectNumber = "P-2026-001";

    /// <summary>The id of the sample project's first work order (WO-100, "Sprengning").</summary>
    public const string SampleWorkOrderId = "66a1b2c3d4e5f6a7b8c9d0e2";

    /// <summary>The number of a sample project that needs escaping in a URL (spaces, <c>/</c>, <c>#</c>, Æ Ø Å).</summary>
    public const string SampleAwkwardProjectNumber = "P 2026/002 #Ærfugl-Øst-Å";

    /// <summary>The id of a project that belongs to another company: 404 on lookups, 403 on document routes.</summary>
    public const string OtherCompanyProjectId = "77f1a2b3c4d5e6f7a8b9c0ff";

    private const int SocketBufferBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly EmulatorStore _store;
    private readonly List<EmulatorRequest> _journal;
    private readonly EmulatorTokens _tokens;
    private readonly DescriptionEndpoint _descriptions;

    private DitioEmulator(
        WebApplication app, EmulatorStore store, List<EmulatorRequest> journal, EmulatorTokens tokens, EmulatorFaults faults, DitioEmulatorOptions options, Uri root, DescriptionEndpoint descriptions)
    {
        _descriptions = descriptions;
        _app = app;
        _tokens = tokens;
        _store = store;
        _journal = journal;
        Faults = faults;
        Options = options;
        ApiBaseUrl = new Uri(root, "/core");
        IdentityBaseUrl = new Uri(root, "/identity");
    }

    /// <summary>Gets the integration API base URL (with the path prefix <c>/core</c>, as Ditio's).</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>Gets the identity server base URL (<c>connect/token</c> is under it).</summary>
    public Uri IdentityBaseUrl { get; }

    /// <summary>Gets the client id the emulator accepts.</summary>
    public string ClientId => Options.ClientId;

    /// <summary>Gets the client secret the emulator accepts.</summary>
    public string ClientSecret => Options.ClientSecret;

    /// <summary>Gets the fault injection controls.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Gets the emulator's settings.</summary>
    public DitioEmulatorOptions Options { get; }

    /// <summary>Gets every request seen so far, oldest first.</summary>
    public IReadOnlyList<EmulatorRequest> Journal
    {
        get
        {
            lock (_journal)
            {
                return [.. _journal];
            }
        }
    }

    /// <summary>Gets the folder where the emulator keeps file bytes (deleted on dispose).</summary>
    public string StorageFolder => _store.Folder;

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it and delete its files.</returns>
    public static async Task<DitioEmulator> StartAsync(DitioEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DitioEmulatorOptions();
        var store = new EmulatorStore(options.StorageRoot);
        if (options.SeedSampleData)
        {
            SampleData.Seed(store);
        }

        var tokens = new EmulatorTokens(options);
        var faults = new EmulatorFaults(tokens);
        var journal = new List<EmulatorRequest>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // Embedded in a test or an app, the emulator must not take over Ctrl+C and SIGTERM from its host process.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;

            // Small buffers, so a throttled body is throttled on the wire too, as on a slow site connection,
            // instead of vanishing into megabytes of loopback socket buffers.
            kestrel.Limits.MaxRequestBufferSize = SocketBufferBytes;
        });
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.MaxReadBufferSize = SocketBufferBytes;
            sockets.MaxWriteBufferSize = SocketBufferBytes;
            sockets.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.ReceiveBufferSize = SocketBufferBytes;
                socket.SendBufferSize = SocketBufferBytes;
                return socket;
            };
        });
        var app = builder.Build();
        var documents = new DocumentEndpoints(options, store, faults);
        var pipeline = new EmulatorPipeline(
            faults, tokens, new IdentityEndpoint(options, tokens), new LookupEndpoints(store), documents, journal, options.TimeProvider);
        app.Run(pipeline.InvokeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DitioEmulator(app, store, journal, tokens, faults, options, new Uri(address), documents.Descriptions);
    }

    /// <summary>Points SDK options at this emulator: base URLs, client id and secret.</summary>
    /// <param name="options">The options to set (for <c>services.AddDitioDocuments(emulator.Configure)</c>).</param>
    public void Configure(DitioDocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApiBaseUrl = ApiBaseUrl;
        options.IdentityBaseUrl = IdentityBaseUrl;
        options.ClientId = ClientId;
        options.ClientSecret = ClientSecret;
    }

    /// <summary>Makes SDK options that point at this emulator.</summary>
    /// <returns>New options for <see cref="DitioDocumentsClient.Create"/>.</returns>
    public DitioDocumentsOptions CreateClientOptions()
    {
        var options = new DitioDocumentsOptions();
        Configure(options);
        return options;
    }

    /// <summary>Adds a project to the emulator's company (or to another company, to test 403/404).</summary>
    /// <param name="projectNumber">The project number (free text).</param>
    /// <param name="name">The project name.</param>
    /// <param name="id">The id; a new one when <see langword="null"/>.</param>
    /// <param name="ofAnotherCompany">Whether the project belongs to another company.</param>
    /// <returns>The project as the API returns it.</returns>
    public DitioProject AddProject(string projectNumber, string name, string? id = null, bool ofAnotherCompany = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var company = ofAnotherCompany ? EmulatorStore.OtherCompanyId : EmulatorStore.CompanyId;
        return _store.AddProject(
            new DitioProject { Id = id ?? _store.NewId(), CompanyId = company, ProjectNumber = projectNumber, Name = name, Active = true },
            company);
    }

    /// <summary>Adds a work order to a project.</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="externalId">The work order's number, such as <c>WO-200</c>.</param>
    /// <param name="name">The work order's name.</param>
    /// <param name="shortDescription">The short description (part of the default section name).</param>
    /// <param name="id">The id; a new one when <see langword="null"/>.</param>
    /// <returns>The work order as the API returns it.</returns>
    public DitioWorkOrder AddWorkOrder(string projectId, string externalId, string name, string? shortDescription = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _store.AddWorkOrder(id ?? _store.NewId(), projectId, externalId, name, shortDescription);
    }

    /// <summary>Gets the documents held, optionally of one project only.</summary>
    /// <param name="projectId">The project, or <see langword="null"/> for all.</param>
    /// <returns>The documents, with sizes and SHA-256 hashes.</returns>
    public IReadOnlyList<EmulatedDocument> GetDocuments(string? projectId = null) =>
        _store.Documents(d => projectId is null || d.ProjectId == projectId);

    /// <summary>Gets the description last set on a project's document folder or one of its pages.</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="section">The page's section (matched case-insensitively); <see langword="null"/> for the folder.</param>
    /// <returns>The description, or <see langword="null"/> when none was set (or it was cleared).</returns>
    public string? GetDescription(string projectId, string? section = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        return _descriptions.Get(projectId, section);
    }

    /// <summary>Gets how many tokens the token route has issued.</summary>
    public int TokensIssued => _tokens.Issued;

    /// <summary>Clears the journal.</summary>
    public void ClearJournal()
    {
        lock (_journal)
        {
            _journal.Clear();
        }
    }

    /// <summary>Stops the server and deletes the stored files.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}

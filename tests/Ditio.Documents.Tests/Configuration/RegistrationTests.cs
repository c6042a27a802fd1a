using System.Net;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Tests.Configuration;

/// <summary>Registration: URLs and token form on the wire, named registrations side by side, the Create path.</summary>
public sealed class RegistrationTests : IDisposable
{
    private const string ProjectsPath = "/core/api/v4/integration/projects";
    private const string OneProject = """[{"id":"65f1a2b3c4d5e6f7a8b9c0d1","companyId":"c1","projectNumber":"P-2026-001","name":"Fjellhall","active":true}]""";

    private readonly DitioWireMock _mock = new();

    [Theory]
    [InlineData(DitioEnvironment.Test, "https://identity.ditio.dev/connect/token", "https://core-api.ditio.dev/core/api/v4/integration/projects")]
    [InlineData(DitioEnvironment.Production, "https://identity.ditio.app/connect/token", "https://core-api.ditio.app/core/api/v4/integration/projects")]
    public async Task GetProjectsAsync_Environment_SendsToTheDocumentedUrls(DitioEnvironment environment, string tokenUrl, string projectsUrl)
    {
        // Ditio itself cannot be called from tests: a primary handler answers instead of the network and records the URLs.
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddDitioDocuments(o =>
            {
                OptionsTests.Valid(o);
                o.Environment = environment;
            })
            .ConfigureHttpClients(b => b.ConfigurePrimaryHttpMessageHandler(() => handler));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDitioDocumentsClient>().GetProjectsAsync();

        Assert.Equal([tokenUrl, projectsUrl], handler.Urls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task GetProjectsAsync_ExplicitApiBaseUrlWithPrefix_KeepsPrefixOnTheWire(string trailing)
    {
        _mock.GivenJson("GET", ProjectsPath, 200, OneProject);
        using var sdk = new TestClient(_mock, o =>
        {
            o.Environment = DitioEnvironment.Production;
            o.ApiBaseUrl = new Uri(_mock.ApiBase.AbsoluteUri + trailing);
        });

        var projects = await sdk.Client.GetProjectsAsync();

        Assert.Equal("P-2026-001", Assert.Single(projects).ProjectNumber);
        var request = Assert.Single(_mock.ApiRequests);
        Assert.Equal(ProjectsPath, request.Path);
        Assert.StartsWith("/core/api/v4/", request.Path, StringComparison.Ordinal);
        Assert.Single(_mock.TokenRequests);
    }

    [Fact]
    public async Task GetProjectsAsync_TokenRequest_IsClientCredentialsFormPostedToConnectToken()
    {
        _mock.GivenJson("GET", ProjectsPath, 200, "[]");
        using var sdk = new TestClient(_mock);

        await sdk.Client.GetProjectsAsync();

        var token = Assert.Single(_mock.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal("/identity/connect/token", token.Path);
        Assert.Equal("application/x-www-form-urlencoded", MediaType(token.Headers!["Content-Type"].Single()));
        var form = FormBody.Parse(token.Body);
        Assert.Equal(4, form.Count);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(DitioWireMock.ClientId, form["client_id"]);
        Assert.Equal(DitioWireMock.ClientSecret, form["client_secret"]);
        Assert.Equal("ditioapiv3", form["scope"]);
        Assert.False(token.Headers.ContainsKey("Authorization"));
        Assert.Equal($"Bearer {DitioWireMock.Token}", Assert.Single(_mock.ApiRequests).Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task GetProjectsAsync_CustomScope_IsSentInTheTokenRequest()
    {
        _mock.GivenJson("GET", ProjectsPath, 200, "[]");
        using var sdk = new TestClient(_mock, o => o.Scope = "ditioapiv3 documents.read");

        await sdk.Client.GetProjectsAsync();

        var form = FormBody.Parse(Assert.Single(_mock.TokenRequests).Body);
        Assert.Equal("ditioapiv3 documents.read", form["scope"]);
    }

    [Fact]
    public async Task AddDitioDocuments_TwoNamedRegistrations_EachUsesItsOwnServerCredentialsAndToken()
    {
        using var north = new DitioWireMock();
        using var south = new DitioWireMock();
        north.GivenToken("token-north");
        south.GivenToken("token-south");
        north.GivenJson("GET", ProjectsPath, 200, OneProject);
        south.GivenJson("GET", ProjectsPath, 200, "[]");
        var services = new ServiceCollection();
        services.AddDitioDocuments("a", o => Point(o, north, "client-a", "secret-a"));
        services.AddDitioDocuments("b", o => Point(o, south, "client-b", "secret-b"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var a = provider.GetRequiredKeyedService<IDitioDocumentsClient>("a");
        var b = provider.GetRequiredKeyedService<IDitioDocumentsClient>("b");
        var fromA = await a.GetProjectsAsync();
        var fromB = await b.GetProjectsAsync();

        Assert.Single(fromA);
        Assert.Empty(fromB);
        AssertTokenAndApiRequest(north, "client-a", "secret-a", "token-north");
        AssertTokenAndApiRequest(south, "client-b", "secret-b", "token-south");
        Assert.Null(provider.GetService<IDitioDocumentsClient>());
        var monitor = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>();
        Assert.Equal("client-a", monitor.Get("a").ClientId);
        Assert.Equal("client-b", monitor.Get("b").ClientId);
    }

    [Fact]
    public async Task AddDitioDocuments_NamedRegistrationsFromConfigurationSections_BindEachSection()
    {
        using var north = new DitioWireMock();
        north.GivenJson("GET", ProjectsPath, 200, "[]");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DitioNorth:ApiBaseUrl"] = north.ApiBase.AbsoluteUri,
            ["DitioNorth:IdentityBaseUrl"] = north.IdentityBase.AbsoluteUri,
            ["DitioNorth:ClientId"] = "client-north",
            ["DitioNorth:ClientSecret"] = "secret-north",
            ["DitioSouth:ClientId"] = "client-south",
            ["DitioSouth:ClientSecret"] = "secret-south",
            ["DitioSouth:Environment"] = "Production",
        }).Build();
        var services = new ServiceCollection();
        services.AddDitioDocuments("north", configuration.GetSection("DitioNorth"));
        services.AddDitioDocuments("south", configuration.GetSection("DitioSouth"));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IDitioDocumentsClient>("north").GetProjectsAsync();

        var monitor = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>();
        Assert.Equal("client-south", monitor.Get("south").ClientId);
        Assert.Equal(new Uri("https://core-api.ditio.app/core"), monitor.Get("south").EffectiveApiBaseUrl);
        Assert.Equal("client-north", FormBody.Parse(Assert.Single(north.TokenRequests).Body)["client_id"]);
    }

    [Fact]
    public void AddDitioDocuments_SameNameTwice_ThrowsInvalidOperation()
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments("a", OptionsTests.Valid);

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddDitioDocuments("a", OptionsTests.Valid));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDitioDocuments_DefaultTwice_ThrowsInvalidOperation()
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(OptionsTests.Valid);

        Assert.Throws<InvalidOperationException>(() => services.AddDitioDocuments(OptionsTests.Valid));
    }

    [Fact]
    public void AddDitioDocuments_DefaultAndNamed_AreBothAllowed()
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(OptionsTests.Valid);
        services.AddDitioDocuments("b", OptionsTests.Valid);
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IDitioDocumentsClient>());
        Assert.NotNull(provider.GetRequiredKeyedService<IDitioDocumentsClient>("b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddDitioDocuments_EmptyName_ThrowsArgumentException(string name)
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentException>(() => services.AddDitioDocuments(name, OptionsTests.Valid));

        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public async Task Create_AgainstServer_WorksEndToEndWithLoggingAndDisposeReleasesIt()
    {
        _mock.GivenJson("GET", ProjectsPath, 200, OneProject);
        var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = new DitioDocumentsOptions();
        Point(options, _mock, DitioWireMock.ClientId, DitioWireMock.ClientSecret);

        var client = DitioDocumentsClient.Create(options, loggerFactory);
        var projects = await client.GetProjectsAsync();
        client.Dispose();

        Assert.Equal("Fjellhall", Assert.Single(projects).Name);
        Assert.Equal($"Bearer {DitioWireMock.Token}", Assert.Single(_mock.ApiRequests).Headers!["Authorization"].Single());
        Assert.Contains(logs.Lines, l => l.Category == "Ditio.Documents" && l.Message.Contains($"GET {ProjectsPath} answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(DitioWireMock.ClientSecret, StringComparison.Ordinal)
            || l.Message.Contains(DitioWireMock.Token, StringComparison.Ordinal));

        // Released: the pipeline and connections are gone, so nothing more goes over the wire.
        var after = await Assert.ThrowsAnyAsync<Exception>(() => client.GetProjectsAsync());
        Assert.True(after is ObjectDisposedException || after.InnerException is ObjectDisposedException, after.ToString());
        Assert.Single(_mock.ApiRequests);
        Assert.Single(_mock.TokenRequests);
    }

    [Fact]
    public async Task Create_CallAfterDispose_ThrowsObjectDisposedException()
    {
        _mock.GivenJson("GET", ProjectsPath, 200, "[]");
        var options = new DitioDocumentsOptions();
        Point(options, _mock, DitioWireMock.ClientId, DitioWireMock.ClientSecret);
        var client = DitioDocumentsClient.Create(options);
        client.Dispose();

        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetProjectsAsync());

        Assert.Empty(_mock.Server.LogEntries);
        Assert.Contains(nameof(DitioDocumentsClient), ex.ObjectName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OptionsChangedAfterCreate_ClientKeepsTheOptionsItWasMadeWith()
    {
        _mock.GivenJson("GET", ProjectsPath, 200, "[]");
        var options = new DitioDocumentsOptions();
        Point(options, _mock, DitioWireMock.ClientId, DitioWireMock.ClientSecret);
        using var client = DitioDocumentsClient.Create(options);

        options.ClientId = "changed-later";
        options.Retry.MaxRetryAttempts = 99;
        await client.GetProjectsAsync();

        Assert.Equal(DitioWireMock.ClientId, FormBody.Parse(Assert.Single(_mock.TokenRequests).Body)["client_id"]);
    }

    public void Dispose() => _mock.Dispose();

    private static void Point(DitioDocumentsOptions options, DitioWireMock mock, string clientId, string clientSecret)
    {
        options.ApiBaseUrl = mock.ApiBase;
        options.IdentityBaseUrl = mock.IdentityBase;
        options.ClientId = clientId;
        options.ClientSecret = clientSecret;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
    }

    private static void AssertTokenAndApiRequest(DitioWireMock mock, string clientId, string clientSecret, string token)
    {
        var form = FormBody.Parse(Assert.Single(mock.TokenRequests).Body);
        Assert.Equal(clientId, form["client_id"]);
        Assert.Equal(clientSecret, form["client_secret"]);
        var api = Assert.Single(mock.ApiRequests);
        Assert.Equal(ProjectsPath, api.Path);
        Assert.Equal($"Bearer {token}", api.Headers!["Authorization"].Single());
    }

    private static string MediaType(string contentType) => contentType.Split(';')[0].Trim();

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly List<string> _urls = [];

        public IReadOnlyList<string> Urls
        {
            get
            {
                lock (_urls)
                {
                    return [.. _urls];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.AbsoluteUri;
            lock (_urls)
            {
                _urls.Add(url);
            }

            var body = url.EndsWith("/connect/token", StringComparison.Ordinal)
                ? """{"access_token":"offline-token","expires_in":1800,"token_type":"Bearer"}"""
                : "[]";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
        }
    }
}

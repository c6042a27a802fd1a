using System.Net;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Tests.Configuration;

public sealed class OptionsAndRegistrationTests : IDisposable
{
    private const string ProjectsPath = "/core/api/v4/integration/projects";
    private const string OneProject = """[{"id":"65f1a2b3c4d5e6f7a8b9c0d1","companyId":"c1","projectNumber":"P-2026-001","name":"Fjellhall","active":true}]""";

    private readonly DitioWireMock _mock = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddDitioDocuments_Configuration_BindsEveryDocumentedKey(bool passSection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ditio:Environment"] = "Production",
            ["Ditio:ApiBaseUrl"] = "https://api.example.test/core",
            ["Ditio:IdentityBaseUrl"] = "https://identity.example.test",
            ["Ditio:ClientId"] = "cfg-client",
            ["Ditio:ClientSecret"] = "cfg-secret",
            ["Ditio:Scope"] = "ditioapiv3 extra",
            ["Ditio:TokenRenewalMargin"] = "00:02:30",
            ["Ditio:Retry:MaxRetryAttempts"] = "5",
            ["Ditio:Retry:BaseDelay"] = "00:00:02",
            ["Ditio:Retry:MaxDelay"] = "00:00:20",
            ["Ditio:Retry:MaxRetryAfter"] = "00:00:45",
            ["Ditio:Retry:AttemptTimeout"] = "00:00:15",
            ["Ditio:Retry:TotalTimeout"] = "00:01:30",
        }).Build();
        var services = new ServiceCollection();

        services.AddDitioDocuments(passSection ? configuration.GetSection("Ditio") : configuration);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(Options.DefaultName);
        Assert.Equal(DitioEnvironment.Production, options.Environment);
        Assert.Equal(new Uri("https://api.example.test/core"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://identity.example.test"), options.IdentityBaseUrl);
        Assert.Equal("cfg-client", options.ClientId);
        Assert.Equal("cfg-secret", options.ClientSecret);
        Assert.Equal("ditioapiv3 extra", options.Scope);
        Assert.Equal(TimeSpan.FromSeconds(150), options.TokenRenewalMargin);
        Assert.Equal(5, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Retry.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Retry.TotalTimeout);
        Assert.NotNull(provider.GetRequiredService<IDitioDocumentsClient>());
    }

    [Fact]
    public void AddDitioDocuments_ConfigurationWithOnlyRequiredKeys_KeepsDocumentedDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ditio:ClientId"] = "cfg-client",
            ["Ditio:ClientSecret"] = "cfg-secret",
        }).Build();
        var services = new ServiceCollection();

        services.AddDitioDocuments(configuration);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(Options.DefaultName);
        Assert.Equal(DitioEnvironment.Test, options.Environment);
        Assert.Equal(new Uri("https://core-api.ditio.dev/core"), options.EffectiveApiBaseUrl);
        Assert.Equal(new Uri("https://identity.ditio.dev"), options.EffectiveIdentityBaseUrl);
        Assert.Equal("ditioapiv3", options.Scope);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TokenRenewalMargin);
        Assert.Equal(3, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Retry.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Retry.TotalTimeout);
    }

    [Theory]
    [InlineData("MissingClientId", "Ditio:ClientId")]
    [InlineData("WhitespaceClientId", "Ditio:ClientId")]
    [InlineData("MissingClientSecret", "Ditio:ClientSecret")]
    [InlineData("HttpApiBaseUrl", "Ditio:ApiBaseUrl")]
    [InlineData("HttpIdentityBaseUrl", "Ditio:IdentityBaseUrl")]
    [InlineData("MaxRetryAttempts11", "Ditio:Retry:MaxRetryAttempts")]
    [InlineData("TotalTimeoutBelowAttemptTimeout", "Ditio:Retry:TotalTimeout")]
    public void ResolveClient_InvalidOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string scenario, string setting)
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(o => Invalid(o, scenario));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDitioDocumentsClient>());

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MissingClientId", "Ditio:ClientId")]
    [InlineData("MissingClientSecret", "Ditio:ClientSecret")]
    [InlineData("HttpApiBaseUrl", "Ditio:ApiBaseUrl")]
    [InlineData("HttpIdentityBaseUrl", "Ditio:IdentityBaseUrl")]
    [InlineData("MaxRetryAttempts11", "Ditio:Retry:MaxRetryAttempts")]
    [InlineData("TotalTimeoutBelowAttemptTimeout", "Ditio:Retry:TotalTimeout")]
    public void Create_InvalidOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string scenario, string setting)
    {
        var options = new DitioDocumentsOptions();
        Invalid(options, scenario);

        var ex = Assert.Throws<OptionsValidationException>(() => DitioDocumentsClient.Create(options));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullOptions_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => DitioDocumentsClient.Create(null!));

        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [InlineData("http://localhost:5080/core")]
    [InlineData("http://127.0.0.1:5080/core")]
    [InlineData("http://[::1]:5080/core")]
    [InlineData("https://core-api.example.test/core")]
    public void ResolveClient_LoopbackHttpOrHttpsBaseUrls_AreAccepted(string url)
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(o =>
        {
            Valid(o);
            o.ApiBaseUrl = new Uri(url);
            o.IdentityBaseUrl = new Uri(url);
        });
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IDitioDocumentsClient>());
    }

    [Fact]
    public void ToString_WithSecret_ShowsClientIdButNeverTheSecret()
    {
        var options = new DitioDocumentsOptions();
        Valid(options);

        var text = options.ToString();

        Assert.DoesNotContain(DitioWireMock.ClientSecret, text, StringComparison.Ordinal);
        Assert.Contains(DitioWireMock.ClientId, text, StringComparison.Ordinal);
        Assert.Contains("clientSecret=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveUrls_TestAndProduction_AreTheDocumentedOnes()
    {
        var test = new DitioDocumentsOptions();
        var production = new DitioDocumentsOptions { Environment = DitioEnvironment.Production };

        Assert.Equal(DitioEnvironment.Test, test.Environment);
        Assert.Equal("https://core-api.ditio.dev/core", test.EffectiveApiBaseUrl.AbsoluteUri);
        Assert.Equal("https://identity.ditio.dev/", test.EffectiveIdentityBaseUrl.AbsoluteUri);
        Assert.Equal("https://core-api.ditio.app/core", production.EffectiveApiBaseUrl.AbsoluteUri);
        Assert.Equal("https://identity.ditio.app/", production.EffectiveIdentityBaseUrl.AbsoluteUri);
    }

    [Fact]
    public void EffectiveUrls_ExplicitUrls_OverrideTheEnvironment()
    {
        var options = new DitioDocumentsOptions
        {
            Environment = DitioEnvironment.Production,
            ApiBaseUrl = new Uri("https://proxy.example.test/ditio/core"),
            IdentityBaseUrl = new Uri("https://proxy.example.test/ditio/identity"),
        };

        Assert.Equal(new Uri("https://proxy.example.test/ditio/core"), options.EffectiveApiBaseUrl);
        Assert.Equal(new Uri("https://proxy.example.test/ditio/identity"), options.EffectiveIdentityBaseUrl);
    }

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
                Valid(o);
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
        services.AddDitioDocuments("a", Valid);

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddDitioDocuments("a", Valid));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDitioDocuments_DefaultTwice_ThrowsInvalidOperation()
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(Valid);

        Assert.Throws<InvalidOperationException>(() => services.AddDitioDocuments(Valid));
    }

    [Fact]
    public void AddDitioDocuments_DefaultAndNamed_AreBothAllowed()
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(Valid);
        services.AddDitioDocuments("b", Valid);
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

        var ex = Assert.Throws<ArgumentException>(() => services.AddDitioDocuments(name, Valid));

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

    private static void Valid(DitioDocumentsOptions options)
    {
        options.ClientId = DitioWireMock.ClientId;
        options.ClientSecret = DitioWireMock.ClientSecret;
    }

    private static void Invalid(DitioDocumentsOptions options, string scenario)
    {
        Valid(options);
        switch (scenario)
        {
            case "MissingClientId": options.ClientId = null; break;
            case "WhitespaceClientId": options.ClientId = "  "; break;
            case "MissingClientSecret": options.ClientSecret = null; break;
            case "HttpApiBaseUrl": options.ApiBaseUrl = new Uri("http://core-api.example.test/core"); break;
            case "HttpIdentityBaseUrl": options.IdentityBaseUrl = new Uri("http://identity.example.test"); break;
            case "MaxRetryAttempts11": options.Retry.MaxRetryAttempts = 11; break;
            case "TotalTimeoutBelowAttemptTimeout":
                options.Retry.AttemptTimeout = TimeSpan.FromSeconds(30);
                options.Retry.TotalTimeout = TimeSpan.FromSeconds(10);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario));
        }
    }

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

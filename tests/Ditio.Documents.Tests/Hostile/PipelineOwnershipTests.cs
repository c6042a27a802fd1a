using System.Collections.Concurrent;
using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 1: the SDK owns its clients' pipelines. Whatever an application adds to every HttpClient (the standard resilience
/// handler of ASP.NET and Aspire service defaults, a retry handler of its own, a header logger), an upload whose
/// connection drops after the server read it is sent once, and no one else's handler sees the SDK's requests.
/// </summary>
public sealed class PipelineOwnershipTests : IAsyncDisposable
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly DitioWireMock _identity = new();
    private readonly RawHttpServer _api = new((_, _, _) => Task.CompletedTask); // reads the whole request, then hangs up: "stored, answer lost"
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public static TheoryData<string> AppWideSetups => ["none", "standard handler before", "standard handler after", "custom retry before", "custom retry after"];

    [Theory]
    [MemberData(nameof(AppWideSetups))]
    public async Task UploadWithoutReplace_ConnectionDropsAfterTheServerReadIt_IsSentOnce_WhateverTheAppAddsToEveryClient(string setup)
    {
        using var sdk = Client(setup);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.UploadAsync(
            _project, [DocumentUploadFile.FromStream(new MemoryStream(new byte[1000]), "a.pdf")]).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.NoResponse, error.Kind);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task AppWideHandler_NeverSeesTheSdksRequests_NorTheirAuthorizationHeader()
    {
        var spy = new SpyHandler();
        using var sdk = new TestClient(_identity, app: services => services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => spy)));
        _identity.GivenJson("GET", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, "[]");

        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);

        Assert.Empty(spy.Seen);
        Assert.Single(_identity.TokenRequests);
    }

    [Fact]
    public async Task AppWideTimeoutAndHeaders_DoNotReachTheSdksClients()
    {
        using var sdk = new TestClient(_identity, app: services => services.ConfigureHttpClientDefaults(b => b.ConfigureHttpClient(http =>
        {
            http.Timeout = TimeSpan.FromTicks(1);
            http.DefaultRequestHeaders.Add("X-App-Secret", "app-wide-value");
        })));
        _identity.GivenJson("GET", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, "[]");

        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);

        var sent = Assert.Single(_identity.ApiRequests);
        Assert.False(sent.Headers!.ContainsKey("X-App-Secret"));
        Assert.All(_identity.TokenRequests, r => Assert.False(r.Headers!.ContainsKey("X-App-Secret")));
    }

    [Fact]
    public async Task HandlerAddedThroughTheSdksBuilder_IsKept()
    {
        var spy = new SpyHandler();
        using var sdk = new TestClient(_identity, appAfter: (_, builder) => builder.ApiClient.AddHttpMessageHandler(() => spy));
        _identity.GivenJson("GET", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, "[]");

        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);

        Assert.Single(spy.Seen);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _identity.Dispose();
    }

    private TestClient Client(string setup)
    {
        Action<IServiceCollection> appWide = setup.StartsWith("standard", StringComparison.Ordinal)
            ? services => services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler())
            : services => services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new NaiveRetryHandler()));
        return new TestClient(
            _identity,
            o => o.ApiBaseUrl = new Uri(_api.BaseUri, "/core"),
            app: setup.EndsWith("before", StringComparison.Ordinal) ? appWide : null,
            appAfter: setup.EndsWith("after", StringComparison.Ordinal) ? (services, _) => appWide(services) : null);
    }

    /// <summary>What an application might write: send again, up to three times, whatever the request.</summary>
    private sealed class NaiveRetryHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException) when (attempt < 3)
                {
                }
            }
        }
    }

    private sealed class SpyHandler : DelegatingHandler
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Enqueue($"{request.RequestUri} {request.Headers.Authorization}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}

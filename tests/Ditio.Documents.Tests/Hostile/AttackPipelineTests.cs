using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on rules 1 and 2 from the application's side: a primary handler of its own (a proxy, say) set through the
/// SDK's builder, which invites it, or for every client after the SDK was registered. Whatever it is, the SDK's clients
/// never follow a redirect: the client secret is never sent to another host.
/// </summary>
public sealed class AttackPipelineTests : IAsyncDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly RawHttpServer _elsewhere = new((_, stream, _) => RawHttpServer.WriteJsonAsync(stream, 200, """{"access_token":"stolen","expires_in":1800}"""));

    public static TheoryData<string> PrimaryHandlers => ["HttpClientHandler through the SDK's builder", "SocketsHttpHandler for every client, after the SDK"];

    [Theory]
    [MemberData(nameof(PrimaryHandlers))]
    public async Task AppSetsItsOwnPrimaryHandler_TheTokenRequestStillNeverFollowsARedirect(string how)
    {
        _ditio.Server.Reset();
        _ditio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(307).WithHeader("Location", new Uri(_elsewhere.BaseUri, "/connect/token").AbsoluteUri));
        using var sdk = new TestClient(_ditio, appAfter: (services, builder) =>
        {
            if (how.Contains("builder", StringComparison.Ordinal))
            {
                // The natural way to put a proxy on the SDK's clients; HttpClientHandler follows redirects by default.
                builder.ConfigureHttpClients(c => c.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { UseProxy = false }));
            }
            else
            {
                services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new SocketsHttpHandler()));
            }
        });

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        Assert.Empty(_elsewhere.Requests);
        Assert.Contains("does not follow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneHandlerSharedByBothClients_IsSecuredOnce_AndWorks()
    {
        _ditio.GivenJson("GET", $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents", 200, "[]");
        using var shared = new SocketsHttpHandler();
        using var sdk = new TestClient(_ditio, appAfter: (_, builder) =>
            builder.ConfigureHttpClients(c => c.ConfigurePrimaryHttpMessageHandler(() => shared).SetHandlerLifetime(Timeout.InfiniteTimeSpan)));

        await sdk.Client.GetPagesAsync(DocumentTarget.Project(DitioWireMock.ProjectId)).WaitAsync(Cap);

        Assert.False(shared.AllowAutoRedirect);
    }

    public async ValueTask DisposeAsync()
    {
        await _elsewhere.DisposeAsync();
        _ditio.Dispose();
    }
}

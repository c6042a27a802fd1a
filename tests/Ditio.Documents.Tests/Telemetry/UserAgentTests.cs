using System.Text.RegularExpressions;
using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Tests.Telemetry;

/// <summary>The User-Agent on the wire: the SDK, its version, runtime and OS, and the application id in front.</summary>
public sealed partial class UserAgentTests : IDisposable
{
    private readonly DitioWireMock _mock = new();

    [Fact]
    public async Task EveryRequest_OnBothClients_CarriesTheSdksUserAgent()
    {
        _mock.GivenJson("GET", "/core/api/v4/integration/projects", 200, "[]");
        using var sdk = new TestClient(_mock);

        await sdk.Client.GetProjectsAsync();

        var agents = _mock.Server.LogEntries.Select(e => e.RequestMessage.Headers!["User-Agent"].Single()).ToList();
        Assert.Equal(2, agents.Count); // the token request and the API request
        Assert.All(agents, agent => Assert.Matches(SdkAgent(), agent));
        Assert.All(agents, agent => Assert.StartsWith($"Ditio.Documents/{typeof(DitioDocumentsClient).Assembly.GetName().Version!.ToString(3)}", agent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryRequest_WithAnApplicationId_PutsItInFront()
    {
        _mock.GivenJson("GET", "/core/api/v4/integration/projects", 200, "[]");
        using var sdk = new TestClient(_mock, o => o.ApplicationId = "acme-dms.2");

        await sdk.Client.GetProjectsAsync();

        Assert.All(
            _mock.Server.LogEntries.Select(e => e.RequestMessage.Headers!["User-Agent"].Single()),
            agent => Assert.Matches("^acme-dms\\.2 Ditio\\.Documents/", agent));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("paren(")]
    [InlineData("abcdefghijklmnopqrstuvwxy")] // 25 characters
    public void ResolveClient_InvalidApplicationId_FailsNamingTheSetting(string applicationId)
    {
        using var sdk = new ServiceCollection().AddDitioDocuments(o =>
        {
            o.ClientId = "id";
            o.ClientSecret = "secret";
            o.ApplicationId = applicationId;
        }).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => sdk.GetRequiredService<IDitioDocumentsClient>());

        Assert.Contains("Ditio:ApplicationId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ApplicationId_SurvivesTheCopyOfTheOptions()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DitioDocumentsClient.Create(new DitioDocumentsOptions
        {
            ClientId = "id",
            ClientSecret = "secret",
            ApplicationId = "not valid",
        }));

        Assert.Contains("Ditio:ApplicationId", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _mock.Dispose();

    [GeneratedRegex(@"^Ditio\.Documents/\d+\.\d+\.\d+\S* \(\.NET [^;()]+; [^()]+\)$")]
    private static partial Regex SdkAgent();
}

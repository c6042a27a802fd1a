using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 7: <c>expires_in</c> is read leniently (a number or a numeric string), kept within 30 s .. 24 h with a warning,
/// and a missing one means a short default (5 minutes). Shown by when the next token request goes out, on fake time.
/// </summary>
public sealed class TokenLifetimeTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private static readonly string PagesPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);


    /// <param name="expiresIn">The raw JSON of expires_in, or null to leave it out.</param>
    /// <param name="renewAfterSeconds">When the next call must renew: lifetime minus min(60 s, half the lifetime).</param>
    /// <param name="warns">Whether the SDK warns that it did not believe the lifetime.</param>
    [Theory]
    [InlineData("1800", 1740, false)]
    [InlineData("\"1800\"", 1740, false)]
    [InlineData("1800.0", 1740, false)]
    [InlineData(null, 240, false)]
    [InlineData("null", 240, false)]
    [InlineData("\"1800s\"", 240, true)]
    [InlineData("1e12", 86340, true)]
    [InlineData("-5", 15, true)]
    [InlineData("0", 15, true)]
    [InlineData("{}", 240, true)]
    public async Task ExpiresIn_IsReadLenientlyAndKeptSane(string? expiresIn, int renewAfterSeconds, bool warns)
    {
        var field = expiresIn is null ? "" : $",\"expires_in\":{expiresIn}";
        _ditio.Server.ResetMappings();
        _ditio.GivenJson("GET", PagesPath, 200, "[]");
        _ditio.Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"tok"{{field}},"token_type":"Bearer"}"""));
        var time = TestTime.Fake();
        var logs = new RecordingLoggerProvider();
        using var sdk = new TestClient(_ditio, time: time, logs: logs);

        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);
        time.Advance(TimeSpan.FromSeconds(renewAfterSeconds - 1));
        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);
        Assert.Single(_ditio.TokenRequests);
        time.Advance(TimeSpan.FromSeconds(2));
        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);
        Assert.Equal(2, _ditio.TokenRequests.Count);

        Assert.Equal(warns ? 2 : 0, logs.Lines.Count(l => l.EventId.Id == 9 && l.Level == LogLevel.Warning));
    }

    public void Dispose() => _ditio.Dispose();
}

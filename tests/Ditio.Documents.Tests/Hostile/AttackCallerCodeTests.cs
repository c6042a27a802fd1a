using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks with the application's own code: a logger provider that throws (the SDK's log lines must never break a
/// call, nor leave the token cache poisoned), and a caller's stream whose <see cref="Stream.Length"/> lies (its fault,
/// not Ditio's: never retried, never reported as "no response").
/// </summary>
public sealed class AttackCallerCodeTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private static readonly string UploadPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task LoggerThrowsDuringATokenRenewal_TheNextCallRenewsAfresh()
    {
        _ditio.GivenToken(DitioWireMock.Token);
        _ditio.GivenJson("GET", UploadPath, 200, "[]");
        var throwing = new ThrowingLoggerProvider { Throws = true, OnlyEvents = [4, 6] };
        using var sdk = new TestClient(_ditio, app: services => services.AddLogging(b => b.AddProvider(throwing)));

        // Whatever the first call does while the app's logger is broken, the logger is fixed now and the client must work.
        await Record.ExceptionAsync(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));
        throwing.Throws = false;

        var pages = await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);

        Assert.Empty(pages);
    }

    [Fact]
    public async Task LoggerThrows_ACallThatDitioAnsweredStillSucceeds()
    {
        _ditio.GivenToken(DitioWireMock.Token);
        _ditio.GivenJson("POST", UploadPath, 200, DitioWireMock.UploadOk("a.pdf"));
        var throwing = new ThrowingLoggerProvider { Throws = true };
        using var sdk = new TestClient(_ditio, app: services => services.AddLogging(b => b.AddProvider(throwing)));

        // Ditio stored the document; reporting a failure here invites the caller to upload it a second time.
        var result = await sdk.Client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream(new byte[10]), "a.pdf")]).WaitAsync(Cap);

        Assert.True(result.Successful);
        Assert.Single(_ditio.RequestsTo(UploadPath));
    }

    [Theory]
    [InlineData(+1000)]
    [InlineData(-5)]
    public async Task CallersStreamLiesAboutItsLength_TheCallersFault_SentOnce(int lie)
    {
        _ditio.GivenToken(DitioWireMock.Token);
        _ditio.GivenJson("POST", UploadPath, 200, DitioWireMock.UploadOk("a.pdf"));
        using var sdk = new TestClient(_ditio, o => o.Retry.MaxRetryAttempts = 3);
        var file = DocumentUploadFile.FromStream(new LyingStream(new byte[10_000], lie), "a.pdf");

        var error = await Record.ExceptionAsync(() => sdk.Client.UploadAsync(_project, [file], new() { ReplaceExistingFilesWithSameName = true }).WaitAsync(Cap));

        Assert.False(error is DitioApiException { Kind: DitioFailureKind.NoResponse }, $"the caller's lying stream was reported as Ditio's: {error}");
        Assert.Contains("its Length is not true", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
        Assert.True(_ditio.RequestsTo(UploadPath).Count <= 1);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("upload")]
    [InlineData("download")]
    [InlineData("token")]
    public async Task CallerCancels_TheCancellationCarriesTheCallersToken(string call)
    {
        await using var server = HostileServer.Silent();
        using var sdk = new TestClient(_ditio, o =>
        {
            o.ApiBaseUrl = new Uri(server.BaseUri, "/core");
            if (call == "token")
            {
                o.IdentityBaseUrl = server.BaseUri;
            }
        });
        using var cancel = new CancellationTokenSource();
        Task running = call switch
        {
            "upload" => sdk.Client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream(new byte[10]), "a.pdf")], null, cancel.Token),
            "download" => sdk.Client.DownloadAsync(_project, "doc-1", null, cancel.Token),
            _ => sdk.Client.GetPagesAsync(_project, cancel.Token),
        };
        await server.ArrivalAsync();

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Cap));
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    public void Dispose() => _ditio.Dispose();

    private sealed class LyingStream(byte[] content, int lie) : MemoryStream(content)
    {
        public override long Length => base.Length + lie;
    }

    private sealed class ThrowingLoggerProvider : ILoggerProvider
    {
        public volatile bool Throws;

        public int[]? OnlyEvents { get; init; }

        public ILogger CreateLogger(string categoryName) => new Thrower(this);

        public void Dispose()
        {
        }

        private sealed class Thrower(ThrowingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (owner.Throws && (owner.OnlyEvents is null || owner.OnlyEvents.Contains(eventId.Id)))
                {
                    throw new InvalidOperationException("the application's log sink is broken");
                }
            }
        }
    }
}

using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on rule 11 where a failure is found outside the pipeline: a download body that breaks off (read by the SDK
/// into a file, restarts and all, or by the caller from the stream) is a failed operation too, and writes one Warning.
/// </summary>
public sealed class AttackLoggingTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task DownloadToFileBreaksOffEveryTime_OneWarningForTheOperation()
    {
        await using var api = BreakingOff();
        using var sdk = Client(api);
        var target = Path.Combine(Path.GetTempPath(), $"ditio-{Guid.NewGuid():N}.pdf");

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.DownloadToFileAsync(_project, "doc-1", target).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Equal(3, api.Requests.Count);
        var warning = Assert.Single(_logs.Lines, l => l.Level > LogLevel.Debug);
        Assert.Contains(error.Message, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadStreamBreaksOff_OneWarning()
    {
        await using var api = BreakingOff();
        using var sdk = Client(api);
        await using var download = await sdk.Client.DownloadAsync(_project, "doc-1").WaitAsync(Cap);

        await Assert.ThrowsAsync<DitioApiException>(() => download.Content.CopyToAsync(Stream.Null).WaitAsync(Cap));

        Assert.Single(_logs.Lines, l => l.Level > LogLevel.Debug);
    }

    public void Dispose() => _ditio.Dispose();

    /// <summary>Announces 1000 bytes, sends 10, hangs up.</summary>
    private static RawHttpServer BreakingOff() => new(async (_, stream, _) =>
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, 1000, ("Content-Type", "application/pdf"));
        await stream.WriteAsync(new byte[10]);
    });

    private TestClient Client(RawHttpServer api) => new(_ditio, o =>
    {
        o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
        o.Retry.MaxRetryAttempts = 2;
    }, logs: _logs);
}

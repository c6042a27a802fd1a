using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 11: attempt-level lines (the SDK's and Polly's) are at Debug; a failed operation writes one Warning line, and
/// a successful one none above Debug, whatever it took to get there.
/// </summary>
public sealed class FailureLoggingTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private static readonly string PagesPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _ditio = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task CallRetriedThenFailed_OneWarningLine_EverythingElseAtDebug()
    {
        _ditio.GivenStatus("GET", PagesPath, 503);
        using var sdk = new TestClient(_ditio, logs: _logs);

        await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.Equal(4, _ditio.ApiRequests.Count);
        var loud = _logs.Lines.Where(l => l.Level > LogLevel.Debug).ToList();
        var warning = Assert.Single(loud);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Ditio.Documents", warning.Category);
        Assert.StartsWith("Ditio GetPages failed: Ditio GET /core/api/v4/integration/projects/", warning.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal) && l.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task CallRetriedThenSucceeded_NothingAboveDebug()
    {
        _ditio.GivenSequence("GET", PagesPath, () => DitioWireMock.Message(503), () => DitioWireMock.Json(200, "[]"));
        using var sdk = new TestClient(_ditio, logs: _logs);

        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);

        Assert.DoesNotContain(_logs.Lines, l => l.Level > LogLevel.Debug);
    }

    public void Dispose() => _ditio.Dispose();
}

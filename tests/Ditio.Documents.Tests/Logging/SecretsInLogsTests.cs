using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Logging;

public sealed class SecretsInLogsTests : IDisposable
{
    private readonly DitioWireMock _mock = new();
    private readonly RecordingLoggerProvider _logs = new();

    [Fact]
    public async Task FullRunAtTraceLevel_LogsEachCallButNeverASecretOrToken()
    {
        var documents = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
        _mock.GivenCountingTokens();
        _mock.Server.Given(Request.Create().WithPath("/core/api/v4/integration/projects").UsingGet().WithHeader("Authorization", "Bearer tok-1"))
            .RespondWith(Response.Create().WithStatusCode(401));
        _mock.Server.Given(Request.Create().WithPath("/core/api/v4/integration/projects").UsingGet().WithHeader("Authorization", "Bearer tok-2"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""[{"id":"p1"}]"""));
        _mock.GivenJson("POST", documents, 200, DitioWireMock.UploadOk());
        _mock.GivenJson("GET", documents, 200, "[]");
        _mock.Server.Given(Request.Create().WithPath($"{documents}/f1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Disposition", "attachment; filename=\"a.pdf\"").WithBody("pdf"));
        _mock.GivenStatus("DELETE", $"{documents}/f1", 204);
        _mock.GivenJson("DELETE", $"{documents}/missing", 404, """{"error":"NotFound","message":"no"}""");
        var target = DocumentTarget.Project(DitioWireMock.ProjectId);
        using (var sdk = new TestClient(_mock, logs: _logs))
        {
            await sdk.Client.GetProjectsAsync();
            using var content = new MemoryStream("pdf"u8.ToArray());
            await sdk.Client.UploadAsync(target, [DocumentUploadFile.FromStream(content, "a.pdf")], new() { Section = "Drawings" });
            await sdk.Client.GetPagesAsync(target);
            await using (var download = await sdk.Client.DownloadAsync(target, "f1"))
            {
                await download.Content.CopyToAsync(Stream.Null);
            }

            await sdk.Client.DeleteAsync(target, "f1");
            await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.DeleteAsync(target, "missing"));
        }

        using (var badSecret = new DitioWireMock())
        {
            badSecret.GivenJson("POST", "/identity/connect/token", 400, """{"error":"invalid_client"}""");
            using var sdk = new TestClient(badSecret, logs: _logs);
            await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync());
        }

        var everything = string.Join("\n", _logs.Lines.Select(l => $"{l.Message}\n{l.State}\n{l.Exception}"));
        foreach (var secret in new[] { DitioWireMock.ClientSecret, "tok-1", "tok-2", DitioWireMock.Token })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        var calls = _logs.Lines.Where(l => l.Category == "Ditio.Documents" && l.EventId.Id == 1 && l.Level == LogLevel.Debug).Select(l => l.Message).ToList();
        Assert.Contains(calls, m => m.StartsWith("Ditio GET /core/api/v4/integration/projects answered 200", StringComparison.Ordinal) && m.EndsWith("(attempt 1)", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.EventId.Id == 7 && l.Message == "Ditio GET /core/api/v4/integration/projects answered 401: renewing the access token and sending once more");
        Assert.Contains(calls, m => m.StartsWith($"Ditio POST {documents}?section=Drawings answered 200", StringComparison.Ordinal));
        Assert.Contains(calls, m => m.StartsWith($"Ditio DELETE {documents}/f1 answered 204", StringComparison.Ordinal));
        Assert.Contains(calls, m => m.StartsWith($"Ditio DELETE {documents}/missing answered 404", StringComparison.Ordinal));
    }

    public void Dispose() => _mock.Dispose();
}

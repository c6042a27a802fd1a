using System.Text;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Telemetry;

/// <summary>The SDK's instruments: operation duration, bytes moved, retries and token renewals, with their units and tags.</summary>
public sealed class TelemetryMetricsTests : IDisposable
{
    private static readonly string Documents = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _mock = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);
    private readonly TestClient _sdk;

    public TelemetryMetricsTests() => _sdk = new TestClient(_mock);

    [Fact]
    public async Task UploadAsync_Metered_BytesUploadedEqualTheFileSizesAndOneDurationIsRecorded()
    {
        _mock.GivenJson("POST", Documents, 200, DitioWireMock.UploadOk());
        using var capture = TelemetryCapture.Start();

        await _sdk.Client.UploadAsync(_project, [File("a.pdf", 1000), File("b.pdf", 70_000)]);

        Assert.Equal(71_000, capture.Sum("ditio.documents.transfer.bytes", "ditio.transfer.direction", "upload"));
        Assert.All(capture.Of("ditio.documents.transfer.bytes"), m => Assert.Equal("By", m.Unit));
        var duration = Assert.Single(capture.Of("ditio.documents.operation.duration"));
        Assert.Equal("s", duration.Unit);
        Assert.Equal("Upload", duration.Tags["ditio.operation.name"]);
        Assert.Equal("success", duration.Tags["ditio.operation.outcome"]);
        Assert.InRange((double)duration.Value, double.Epsilon, 60);
    }

    [Fact]
    public async Task DownloadAsync_ReadToTheEnd_BytesDownloadedEqualTheBody()
    {
        _mock.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{Documents}/f1").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(new byte[150_000]));
        using var capture = TelemetryCapture.Start();

        await using (var download = await _sdk.Client.DownloadAsync(_project, "f1"))
        {
            await download.Content.CopyToAsync(Stream.Null);
        }

        Assert.Equal(150_000, capture.Sum("ditio.documents.transfer.bytes", "ditio.transfer.direction", "download"));
        Assert.Equal(0, capture.Sum("ditio.documents.transfer.bytes", "ditio.transfer.direction", "upload"));
    }

    [Fact]
    public async Task GetPagesAsync_TwoTransientFailures_CountsTwoRetries()
    {
        _mock.GivenSequence("GET", Documents, () => DitioWireMock.Message(503), () => DitioWireMock.Message(503), () => DitioWireMock.Json(200, "[]"));
        using var capture = TelemetryCapture.Start();

        await _sdk.Client.GetPagesAsync(_project);

        Assert.Equal(2, capture.Sum("ditio.documents.retries", "ditio.operation.name", "GetPages"));
        Assert.Equal(2, capture.Of("ditio.documents.retries").Count);
    }

    [Fact]
    public async Task GetPagesAsync_FirstCallAndARefusedToken_CountsTwoRenewals()
    {
        _mock.GivenCountingTokens();
        _mock.GivenSequence("GET", Documents, () => DitioWireMock.Message(401), () => DitioWireMock.Json(200, "[]"));
        using var capture = TelemetryCapture.Start();

        await _sdk.Client.GetPagesAsync(_project);

        Assert.Equal(2, capture.Sum("ditio.documents.token.renewals", "ditio.operation.outcome", "success"));
        Assert.Equal(2, _mock.TokenRequests.Count);
    }

    [Fact]
    public async Task GetPagesAsync_Fails_DurationIsTaggedWithTheFailureAndErrorType()
    {
        _mock.GivenStatus("GET", Documents, 403);
        using var capture = TelemetryCapture.Start();

        await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        var duration = Assert.Single(capture.Of("ditio.documents.operation.duration"));
        Assert.Equal("GetPages", duration.Tags["ditio.operation.name"]);
        Assert.Equal("failure", duration.Tags["ditio.operation.outcome"]);
        Assert.Equal("403", duration.Tags["error.type"]);
    }

    [Fact]
    public async Task EveryTagAndAttribute_OfACallThatEchoesSecrets_HoldsNoSecretTokenOrFileContent()
    {
        const string content = "CONFIDENTIAL-FILE-CONTENT-4711";
        _mock.GivenJson("POST", Documents, 200, DitioWireMock.UploadOk());
        _mock.GivenSequence(
            "GET",
            Documents,
            () => DitioWireMock.Message(500, $"{DitioWireMock.ClientSecret} {DitioWireMock.Token}", "text/plain", ("x-request-id", DitioWireMock.Token)));
        using var capture = TelemetryCapture.Start();

        await _sdk.Client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(content)), "a.pdf")]);
        var error = await Assert.ThrowsAsync<DitioApiException>(() => _sdk.Client.GetPagesAsync(_project));

        var values = capture.Spans.SelectMany(s => s.TagObjects.Select(t => t.Value?.ToString()))
            .Concat(capture.Spans.Select(s => s.StatusDescription))
            .Concat(capture.Measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString())))
            .Concat([error.RequestId])
            .ToList();
        Assert.NotEmpty(capture.Measurements);
        Assert.DoesNotContain(values, v => v is not null && (v.Contains(DitioWireMock.ClientSecret, StringComparison.Ordinal)
            || v.Contains(DitioWireMock.Token, StringComparison.Ordinal) || v.Contains(content, StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
    }

    private static DocumentUploadFile File(string name, int length) =>
        DocumentUploadFile.FromStream(new MemoryStream(new byte[length]), name);
}

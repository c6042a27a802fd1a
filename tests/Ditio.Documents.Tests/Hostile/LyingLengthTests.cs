using System.Text;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// A server (or proxy) that announces a longer answer than it sends and hangs up: the answer broke off. A call that can
/// be repeated is retried; an upload that does not replace by name is never sent again (Ditio may have stored it), and
/// both end as an invalid response that says the body broke off.
/// </summary>
public sealed class LyingLengthTests : IAsyncDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _identity = new();
    private readonly RawHttpServer _api = new(async (_, stream, ct) =>
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, 5000, ("Content-Type", "application/json"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes("""{"successful":true,"files":["""), ct);
        await stream.FlushAsync(ct);
    });

    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task ListAnswerBreaksOff_IsRetried_ThenAnInvalidResponseSayingSo()
    {
        using var sdk = new TestClient(_identity, o => o.ApiBaseUrl = new Uri(_api.BaseUri, "/core"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _api.Requests.Count);
    }

    [Fact]
    public async Task UploadAnswerBreaksOff_WithoutReplace_IsNeverSentAgain()
    {
        using var sdk = new TestClient(_identity, o => o.ApiBaseUrl = new Uri(_api.BaseUri, "/core"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.UploadAsync(
            _project, [DocumentUploadFile.FromStream(new MemoryStream(new byte[1000]), "a.pdf")]).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _identity.Dispose();
    }
}

using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 5: answers are bounded. Token answers at 64 KiB, JSON answers at <c>MaxResponseBytes</c>: past the cap the call
/// fails as an invalid response at once, and stops reading, so memory stays flat while a server streams forever.
/// </summary>
public sealed class AnswerCapTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task EndlessJsonAnswer_FailsPastMaxResponseBytes_AndStopsReading()
    {
        await using var api = HostileServer.Endless("[");
        using var sdk = new TestClient(_ditio, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.MaxResponseBytes = 1024 * 1024;
        });

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("went past the 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ditio:MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Requests); // too large is not worth another attempt

        // The client hung up: what the server could write is the cap plus what the sockets buffer, not gigabytes.
        await WaitUntilAsync(() => api.BytesWritten > 0);
        Assert.InRange(api.BytesWritten, 1, 64L * 1024 * 1024);
    }

    [Fact]
    public async Task AnnouncedLengthOverTheCap_FailsBeforeReadingTheBody()
    {
        await using var api = HostileServer.Dripping("[", contentLength: 100L * 1024 * 1024 * 1024);
        using var sdk = new TestClient(_ditio, o => o.ApiBaseUrl = new Uri(api.BaseUri, "/core"));

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("announced 107374182400 bytes, more than the 16777216", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndlessTokenAnswer_FailsPast64KiB()
    {
        await using var identity = HostileServer.Endless("{\"access_token\":\"");
        using var sdk = new TestClient(_ditio, o => o.IdentityBaseUrl = identity.BaseUri);

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        Assert.Contains("went past the 65536 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, error.StatusCode);
        Assert.Single(identity.Requests);
        Assert.Empty(_ditio.ApiRequests);
    }

    public void Dispose() => _ditio.Dispose();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < Cap)
        {
            await Task.Delay(10);
        }
    }
}

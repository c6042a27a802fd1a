using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>A download read synchronously reads synchronously (no blocking on async work) and keeps its stall timeout.</summary>
public sealed class SyncReadTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task SyncRead_ReadsTheWholeBody()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        _ditio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents/doc-1"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(bytes));
        using var sdk = new TestClient(_ditio);
        await using var download = await sdk.Client.DownloadAsync(_project, "doc-1").WaitAsync(Cap);

        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = download.Content.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task SyncRead_ServerGoesSilent_FailsAsStalled()
    {
        await using var server = HostileServer.Dripping("%PDF", contentLength: 1000);
        var time = TestTime.Fake();
        using var sdk = new TestClient(_ditio, o => o.ApiBaseUrl = new Uri(server.BaseUri, "/core"), time);
        await using var download = await sdk.Client.DownloadAsync(_project, "doc-1").WaitAsync(Cap);
        Assert.Equal(4, download.Content.Read(new byte[100], 0, 100));

        var read = Task.Run(() => download.Content.Read(new byte[100], 0, 100));

        // The read starts on another thread: move the clock a stall timeout at a time until it gives up.
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!read.IsCompleted && realTime.Elapsed < Cap)
        {
            time.Advance(TimeSpan.FromSeconds(60));
            await Task.WhenAny(read, Task.Delay(50));
        }

        var error = await Assert.ThrowsAsync<DitioApiException>(() => read.WaitAsync(Cap));
        Assert.Equal(DitioFailureKind.Timeout, error.Kind);
    }

    public void Dispose() => _ditio.Dispose();
}

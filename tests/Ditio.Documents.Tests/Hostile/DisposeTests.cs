using System.Diagnostics;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 9: <c>Dispose</c> cancels calls and transfers still running and returns within a second; what was running
/// throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class DisposeTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public static TheoryData<string> Calls => ["list", "upload", "download headers", "token renewal"];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task CreatedClient_DisposedWhileACallRuns_ReturnsWithinASecond_TheCallThrowsObjectDisposed(string running)
    {
        await using var server = HostileServer.Silent();
        var client = DitioDocumentsClient.Create(Options(server, tokenFromSilentServer: running == "token renewal"));
        Task call = running switch
        {
            "upload" => client.UploadAsync(_project, [DocumentUploadFile.FromStream(new MemoryStream(new byte[1000]), "a.pdf")]),
            "download headers" => client.DownloadAsync(_project, "doc-1"),
            _ => client.GetPagesAsync(_project),
        };
        await server.ArrivalAsync();

        var took = await Task.Run(() =>
        {
            var disposing = Stopwatch.StartNew();
            client.Dispose();
            return disposing.Elapsed;
        }).WaitAsync(Cap);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(Cap));
        Assert.True(took < TimeSpan.FromSeconds(1), $"Dispose took {took.TotalMilliseconds:F0} ms");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetPagesAsync(_project));
    }

    [Fact]
    public async Task CreatedClient_DisposedWhileADownloadIsRead_TheReadThrowsObjectDisposed()
    {
        await using var server = HostileServer.Dripping("%PDF", contentLength: 1000);
        var client = DitioDocumentsClient.Create(Options(server, tokenFromSilentServer: false));
        await using var download = await client.DownloadAsync(_project, "doc-1").WaitAsync(Cap);
        var read = download.Content.ReadAsync(new byte[100]).AsTask();
        Assert.Equal(4, await read.WaitAsync(Cap));
        var stuck = download.Content.ReadAsync(new byte[100]).AsTask();

        await Task.Run(client.Dispose).WaitAsync(Cap);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => stuck.WaitAsync(Cap));
    }

    [Fact]
    public async Task InjectedClient_DisposedWhileACallRuns_TheCallThrowsObjectDisposed_OtherClientsGoOn()
    {
        await using var server = HostileServer.Silent();
        using var sdk = new TestClient(_ditio, o => o.ApiBaseUrl = new Uri(server.BaseUri, "/core"), app: _ => { });
        var first = (DitioDocumentsClient)sdk.Client;
        var call = first.GetPagesAsync(_project);
        await server.ArrivalAsync();

        first.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(Cap));
        var other = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IDitioDocumentsClient>(sdk.Services);
        Assert.NotSame(first, other);
    }

    public void Dispose() => _ditio.Dispose();

    private DitioDocumentsOptions Options(HostileServer server, bool tokenFromSilentServer) => new()
    {
        ApiBaseUrl = new Uri(server.BaseUri, "/core"),
        IdentityBaseUrl = tokenFromSilentServer ? server.BaseUri : _ditio.IdentityBase,
        ClientId = DitioWireMock.ClientId,
        ClientSecret = DitioWireMock.ClientSecret,
    };
}

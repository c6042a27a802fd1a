using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.Tests.Transfers;

[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;

/// <summary>
/// An upload streams through fixed buffers: the bytes it allocates do not grow with the size of the file. Measured
/// through the whole AddDitioDocuments pipeline over an in-process transport that drains the body, alone in its
/// collection so no other test allocates meanwhile.
/// </summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class UploadAllocationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ditio-alloc-").FullName;

    [Fact]
    public async Task UploadAsync_AllocationsDoNotGrowWithFileSize()
    {
        using var provider = BuildSdk();
        var client = provider.GetRequiredService<IDitioDocumentsClient>();
        var small = WriteFile("small.pdf", 1 << 20);
        var large = WriteFile("large.pdf", 20 << 20);
        var target = DocumentTarget.Project("p1");
        await client.UploadFileAsync(target, small); // token, JIT and pools warmed

        var forSmall = await MeasureAsync(() => client.UploadFileAsync(target, small));
        var forLarge = await MeasureAsync(() => client.UploadFileAsync(target, large));

        Assert.True(forLarge < forSmall + (256 * 1024), $"1 MiB upload allocated {forSmall:N0} bytes, 20 MiB allocated {forLarge:N0} bytes");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<long> MeasureAsync(Func<Task> upload)
    {
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await upload();
            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        return least;
    }

    private static ServiceProvider BuildSdk()
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(o =>
        {
            o.ApiBaseUrl = new Uri("https://ditio.test/core");
            o.IdentityBaseUrl = new Uri("https://identity.ditio.test");
            o.ClientId = "alloc";
            o.ClientSecret = "secret";
        }).ConfigureHttpClients(http => http.ConfigurePrimaryHttpMessageHandler(() => new DrainingHandler()));
        return services.BuildServiceProvider();
    }

    private string WriteFile(string name, int size)
    {
        var path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        file.SetLength(size);
        return path;
    }

    /// <summary>Answers like Ditio without a network: reads every byte of an upload into nothing.</summary>
    private sealed class DrainingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/connect/token", StringComparison.Ordinal))
            {
                return Json("""{"access_token":"t","expires_in":3600,"token_type":"Bearer"}""");
            }

            // As SocketsHttpHandler does: the content writes itself to the connection.
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);

            return Json("""{"successful":true,"files":[{"name":"x","fileReference":{"id":"f"}}],"infoPageFiles":[]}""");
        }

        private static HttpResponseMessage Json(string body) =>
            new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.Benchmarks.Shared;

/// <summary>The SDK as an application gets it: <c>AddDitioDocuments</c> in a service collection, defaults untouched.</summary>
internal static class SdkClients
{
    public const string ClientId = "bench-client";
    public const string ClientSecret = "bench-secret";

    /// <summary>Registers the SDK against <paramref name="server"/> (identity under <c>/identity</c>, API under <c>/core</c>).</summary>
    /// <param name="server">The server's base address, such as <c>http://127.0.0.1:5000</c>.</param>
    /// <param name="primaryHandler">The transport; <see langword="null"/> for the HttpClientFactory's default (sockets).</param>
    /// <param name="maxParallelRequests">How many requests <c>UploadManyAsync</c> sends at once.</param>
    public static ServiceProvider Build(Uri server, HttpMessageHandler? primaryHandler = null, int maxParallelRequests = 4)
    {
        var services = new ServiceCollection();
        var builder = services.AddDitioDocuments(o =>
        {
            o.ApiBaseUrl = new Uri(server, "core");
            o.IdentityBaseUrl = new Uri(server, "identity");
            o.ClientId = ClientId;
            o.ClientSecret = ClientSecret;
            o.Transfers.MaxParallelRequests = maxParallelRequests;
        });
        if (primaryHandler is not null)
        {
            builder.ConfigureHttpClients(b => b.ConfigurePrimaryHttpMessageHandler(() => primaryHandler));
        }

        return services.BuildServiceProvider();
    }
}

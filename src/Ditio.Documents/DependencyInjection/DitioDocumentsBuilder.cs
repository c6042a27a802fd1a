using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents;

/// <summary>
/// Returned by <c>AddDitioDocuments</c>: the registration's name and its two HttpClients, for further configuration
/// (a proxy, a primary handler, headers, extra handlers).
/// </summary>
public sealed class DitioDocumentsBuilder
{
    internal DitioDocumentsBuilder(string name, IServiceCollection services, IHttpClientBuilder apiClient, IHttpClientBuilder identityClient)
    {
        Name = name;
        Services = services;
        ApiClient = apiClient;
        IdentityClient = identityClient;
    }

    /// <summary>Gets the registration's name: empty for the default registration, else the key of its keyed services.</summary>
    public string Name { get; }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the builder of the HttpClient that calls the integration API (resilience, logging and token handlers already added).</summary>
    public IHttpClientBuilder ApiClient { get; }

    /// <summary>Gets the builder of the HttpClient that asks the identity server for tokens (resilience handler already added).</summary>
    public IHttpClientBuilder IdentityClient { get; }

    /// <summary>Applies the same configuration to both HttpClients, for example a proxy for the whole registration.</summary>
    /// <param name="configure">The configuration.</param>
    /// <returns>This builder.</returns>
    public DitioDocumentsBuilder ConfigureHttpClients(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(ApiClient);
        configure(IdentityClient);
        return this;
    }
}

using Ditio.Documents;
using Ditio.Documents.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Ditio documents client.</summary>
public static class DitioDocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDitioDocumentsClient"/> with options bound from configuration: pass the <c>Ditio</c> section
    /// (or the root configuration, whose <c>Ditio</c> section is then used). Options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>Ditio</c> configuration section.</param>
    /// <returns>A builder for further HttpClient configuration.</returns>
    /// <exception cref="InvalidOperationException">The default registration was already added.</exception>
    public static DitioDocumentsBuilder AddDitioDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return DitioDocumentsRegistration.Add(services, "", options => options.Bind(SectionOf(configuration)));
    }

    /// <summary>Registers <see cref="IDitioDocumentsClient"/> with options set in code. Options are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further HttpClient configuration.</returns>
    /// <exception cref="InvalidOperationException">The default registration was already added.</exception>
    public static DitioDocumentsBuilder AddDitioDocuments(this IServiceCollection services, Action<DitioDocumentsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return DitioDocumentsRegistration.Add(services, "", options => options.Configure(configure));
    }

    /// <summary>
    /// Registers a named <see cref="IDitioDocumentsClient"/> (for a second Ditio company, or test beside production),
    /// resolved as a keyed service: <c>[FromKeyedServices("name")] IDitioDocumentsClient</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name and service key.</param>
    /// <param name="configuration">The configuration section with this registration's settings.</param>
    /// <returns>A builder for further HttpClient configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or whitespace.</exception>
    /// <exception cref="InvalidOperationException">A registration of that name was already added.</exception>
    public static DitioDocumentsBuilder AddDitioDocuments(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return DitioDocumentsRegistration.Add(services, name, options => options.Bind(SectionOf(configuration)));
    }

    /// <summary>Registers a named <see cref="IDitioDocumentsClient"/> with options set in code, resolved as a keyed service.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further HttpClient configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or whitespace.</exception>
    /// <exception cref="InvalidOperationException">A registration of that name was already added.</exception>
    public static DitioDocumentsBuilder AddDitioDocuments(this IServiceCollection services, string name, Action<DitioDocumentsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return DitioDocumentsRegistration.Add(services, name, options => options.Configure(configure));
    }

    private static IConfiguration SectionOf(IConfiguration configuration) =>
        configuration is not IConfigurationSection && configuration.GetSection(DitioDocumentsOptions.SectionName).Exists()
            ? configuration.GetSection(DitioDocumentsOptions.SectionName)
            : configuration;
}

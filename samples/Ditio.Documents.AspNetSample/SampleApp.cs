using Microsoft.Extensions.DependencyInjection;

namespace Ditio.Documents.AspNetSample;

/// <summary>Builds the sample web app: the Ditio client from configuration, problem details, and the document endpoints.</summary>
public static class SampleApp
{
    /// <summary>Builds the app; <paramref name="configure"/> runs after the sample's own registrations (tests add configuration and bind to loopback there).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="configure">Changes to the builder before the app is built, or <see langword="null"/>.</param>
    /// <returns>The app, not yet started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Binds the "Ditio" section: Environment, ClientId, ClientSecret (from user secrets or Ditio__ClientId ...),
        // and ApiBaseUrl / IdentityBaseUrl to point at the emulator. Options are validated at start-up.
        builder.Services.AddDitioDocuments(builder.Configuration.GetSection("Ditio"));
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapDocumentEndpoints();
        return app;
    }
}

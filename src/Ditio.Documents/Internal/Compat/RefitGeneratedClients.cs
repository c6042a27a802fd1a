#if !NET
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ditio.Documents.Internal.Api;

namespace Refit.Implementation;

/// <summary>
/// Registers Refit's generated clients on .NET Framework. Refit's generator registers them in a module initializer on
/// .NET 5+ only; without it <c>RestService.For</c> falls back to Refit's reflection request builder, which Refit 16 no
/// longer ships in the Refit package, and every call fails. This makes the same registrations, so both targets run
/// the same generated code. (A part of Refit's generated class, whose client classes are private to it.)
/// </summary>
internal static partial class GeneratedDitio_Documents
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The ModuleInitializer attribute should not be used in libraries", Justification = "As Refit's own generated registration on .NET 5+.")]
    internal static void RegisterOnNetFramework()
    {
        RestService.RegisterGeneratedSettingsFactory<IDitioIntegrationApi>(
            static (client, settings) => new DitioDocumentsInternalApiIDitioIntegrationApi(client, settings));
        RestService.RegisterGeneratedSettingsFactory<IDitioIdentityApi>(
            static (client, settings) => new DitioDocumentsInternalApiIDitioIdentityApi(client, settings));
        RestService.RegisterGeneratedFactory<IDitioIntegrationApi>(
            static (client, requestBuilder) => new DitioDocumentsInternalApiIDitioIntegrationApi(client, requestBuilder));
        RestService.RegisterGeneratedFactory<IDitioIdentityApi>(
            static (client, requestBuilder) => new DitioDocumentsInternalApiIDitioIdentityApi(client, requestBuilder));
    }
}
#endif

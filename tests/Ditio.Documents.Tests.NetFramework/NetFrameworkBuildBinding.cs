using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Ditio.Documents.Tests;

/// <summary>
/// The binding redirects of this test host: the SDK's net462 build asks for the .NET Framework builds of its
/// dependencies (Microsoft.Extensions.* 10.0.0.x, System.Text.Json 10.0.0.x, the Microsoft.Bcl polyfills); the host has
/// the net10.0 builds under the same name, which a .NET Framework app would bind to with a redirect.
/// </summary>
internal static class NetFrameworkBuildBinding
{
    [ModuleInitializer]
    internal static void Install() => AssemblyLoadContext.Default.Resolving += (context, name) =>
    {
        if (name.Name is null || name.Version is null)
        {
            return null;
        }

        try
        {
            var available = context.LoadFromAssemblyName(new AssemblyName(name.Name));
            return available.GetName().Name == name.Name ? available : null;
        }
        catch (IOException)
        {
            return null;
        }
    };
}

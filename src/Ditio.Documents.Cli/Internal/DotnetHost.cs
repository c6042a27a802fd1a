using System.Runtime.InteropServices;

namespace Ditio.Documents.Cli.Internal;

/// <summary>
/// Finds the <c>dotnet</c> host that runs the bundled emulator (a framework-dependent ASP.NET Core app). ditio-docs itself
/// may run on that host (<c>dotnet ditio-docs.dll</c>), through an app host, or as a Native AOT binary with no .NET at
/// all; the last two look where the .NET app hosts look: DOTNET_ROOT, the PATH, then the usual install folders.
/// </summary>
internal static class DotnetHost
{
    private static readonly string FileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>The full path of the dotnet host, or <see langword="null"/> if there is none.</summary>
    public static string? Find() => Candidates().FirstOrDefault(File.Exists);

    /// <summary>Where <see cref="Find"/> looked, for the error that says it found nothing.</summary>
    public static string Searched => OperatingSystem.IsWindows()
        ? "DOTNET_ROOT, PATH and %ProgramFiles%\\dotnet"
        : "DOTNET_ROOT, PATH, /etc/dotnet/install_location and the usual install folders (/usr/share/dotnet, /usr/lib/dotnet, /usr/local/share/dotnet, ~/.dotnet)";

    private static IEnumerable<string> Candidates()
    {
        // On the dotnet host already (dotnet ditio-docs.dll, as the framework-dependent tool runs).
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            yield return self;
        }

        // The .NET app hosts' own settings: DOTNET_ROOT_<ARCH>, then DOTNET_ROOT.
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToUpperInvariant();
        foreach (var variable in new[] { $"DOTNET_ROOT_{arch}", "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } root)
            {
                yield return Path.Combine(root, FileName);
            }
        }

        // Beside the runtime an app host found (not there for a Native AOT binary, which has no runtime folder).
        if (RuntimeEnvironment.GetRuntimeDirectory() is { Length: > 0 } runtime)
        {
            yield return Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", FileName));
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Path.Combine(folder.Trim('"'), FileName);
        }

        foreach (var folder in InstallFolders())
        {
            yield return Path.Combine(folder, FileName);
        }
    }

    private static IEnumerable<string> InstallFolders()
    {
        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "dotnet");
            yield break;
        }

        // Where the installers record the install folder (one line: the folder), per architecture first.
        foreach (var file in new[] { $"/etc/dotnet/install_location_{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}", "/etc/dotnet/install_location" })
        {
            if (File.Exists(file) && File.ReadLines(file).FirstOrDefault()?.Trim() is { Length: > 0 } recorded)
            {
                yield return recorded;
            }
        }

        yield return "/usr/share/dotnet";
        yield return "/usr/lib/dotnet";
        yield return "/usr/local/share/dotnet";
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet");
    }
}

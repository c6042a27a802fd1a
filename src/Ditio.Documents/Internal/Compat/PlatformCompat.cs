#if !NET
using System.Diagnostics;

namespace Ditio.Documents.Internal.Compat;

/// <summary>netstandard2.0's stand-ins for the platform, path, link and timing helpers of .NET Core, with the same results.</summary>
internal static class PlatformCompat
{
    /// <summary>The runtime's own <c>FileSystemInfo.LinkTarget</c> (.NET 6 and later), when this build runs there.</summary>
    private static readonly System.Reflection.PropertyInfo? RuntimeLinkTarget = typeof(FileSystemInfo).GetProperty("LinkTarget", typeof(string));

    /// <summary>Gets a value indicating whether the runtime reads a link's target (.NET 6 and later; not .NET Framework or Mono).</summary>
    public static bool CanReadLinks => RuntimeLinkTarget is not null;

    extension(OperatingSystem)
    {
        public static bool IsWindows() => System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

        public static bool IsMacOS() => System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.OSX);
    }

    extension(Path)
    {
        public static string TrimEndingDirectorySeparator(string path) =>
            path.Length > 1 && (path[^1] == Path.DirectorySeparatorChar || path[^1] == Path.AltDirectorySeparatorChar) && path != Path.GetPathRoot(path)
                ? path[..^1]
                : path;
    }

    extension(FileSystemInfo info)
    {
        /// <summary>
        /// The runtime's answer where it has one. .NET Framework and Mono cannot read a link's target: a reparse point
        /// (symbolic link, junction) answers with its own path, so it is known as a link but never followed there
        /// (sync reports it skipped, see <see cref="CanReadLinks"/>).
        /// </summary>
        public string? LinkTarget => RuntimeLinkTarget is { } runtime
            ? (string?)runtime.GetValue(info)
            : info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? info.FullName : null;
    }

    extension(Stopwatch)
    {
        public static TimeSpan GetElapsedTime(long startingTimestamp) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - startingTimestamp) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
    }
}
#endif

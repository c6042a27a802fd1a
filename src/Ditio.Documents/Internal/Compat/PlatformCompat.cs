#if !NET
using System.Diagnostics;

namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the platform, path, link and timing helpers of .NET Core, with the same results.</summary>
internal static class PlatformCompat
{
    extension(OperatingSystem)
    {
        /// <summary>.NET Framework runs on Windows (Mono reports Unix, and is not a supported runtime).</summary>
        public static bool IsWindows() => Environment.OSVersion.Platform is PlatformID.Win32NT;

        public static bool IsMacOS() => false;
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
        /// .NET Framework cannot read a link's target: a reparse point (symbolic link, junction) answers with its own path,
        /// which the real-path resolution sees as a loop, so a link is never followed there (sync reports it skipped).
        /// </summary>
        public string? LinkTarget => info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? info.FullName : null;
    }

    extension(Stopwatch)
    {
        public static TimeSpan GetElapsedTime(long startingTimestamp) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - startingTimestamp) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
    }
}
#endif

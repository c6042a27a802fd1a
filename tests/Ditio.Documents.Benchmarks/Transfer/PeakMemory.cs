using System.Diagnostics;
using System.Globalization;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>The process's peak resident set: <c>VmHWM</c> from <c>/proc/self/status</c> on Linux, else <see cref="Process.PeakWorkingSet64"/>.</summary>
internal static class PeakMemory
{
    public static long PeakWorkingSetBytes()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }
}

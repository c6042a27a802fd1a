using System.Diagnostics;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>Starts this same program with another verb (<c>sink</c>, <c>push</c>) as a process of its own.</summary>
internal static class ChildProcess
{
    public static Process Start(params string[] arguments)
    {
        // Run as `dotnet <dll>` or through the apphost: start the child the same way.
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
    }

    /// <summary>Reads the child's output lines until one starts with <paramref name="prefix"/>; returns the rest of it.</summary>
    public static async Task<string> WaitForLineAsync(Process process, string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        throw new InvalidOperationException($"The child process ended without printing '{prefix}'.");
    }
}

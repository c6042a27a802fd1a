using System.CommandLine;

namespace Ditio.Documents.Cli.Internal;

/// <summary>Options every command takes, before or after the command name.</summary>
internal static class GlobalOptions
{
    public static Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against a fresh local Ditio emulator with sample data (project P-2026-001) instead of DITIO_* settings (needs the ASP.NET Core runtime).",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON on stdout instead of text (errors stay one line on stderr).",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log each HTTP attempt to stderr, and show stack traces with errors.",
        Recursive = true,
    };
}

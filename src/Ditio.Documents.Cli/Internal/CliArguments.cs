using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Ditio.Documents.Cli.Internal;

/// <summary>Arguments and options several commands share.</summary>
internal static class CliArguments
{
    public static Argument<TargetSpec> Target(string description = "Where the documents are: P-2026-001, id:ID or wo:ID (see Targets below).") => new("target")
    {
        Description = description,
        CustomParser = result =>
        {
            var spec = TargetSpec.TryParse(result.Tokens[0].Value, out var error);
            if (spec is null)
            {
                result.AddError(error!);
            }

            return spec;
        },
    };

    public static Argument<string> FileReferenceId() => new("fileReferenceId")
    {
        Description = "The document's file reference id (from 'ditio-docs ls' or 'ditio-docs push').",
    };

    public static Option<string?> Section(string description) => new("--section", "-s")
    {
        Description = description,
        HelpName = "name",
    };

    public static Option<int?> Parallel() => new("--parallel")
    {
        Description = "Upload requests sent at once, 1 to 64 (default 4).",
        HelpName = "n",
        Validators =
        {
            result =>
            {
                if (WholeNumber(result) is < 1 or > 64)
                {
                    result.AddError("--parallel must be between 1 and 64.");
                }
            },
        },
    };

    /// <summary>
    /// An int option's value for a range check, or <see langword="null"/> when it is absent or not a whole number (which
    /// System.CommandLine reports itself; reading it with GetValueOrDefault would throw instead).
    /// </summary>
    public static int? WholeNumber(OptionResult result) =>
        result.Tokens is [.., var last] && int.TryParse(last.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Ditio.Documents.Cli.Commands;
using Ditio.Documents.Cli.Internal;

namespace Ditio.Documents.Cli;

/// <summary>The command tree, parse errors as exit code 2, and the help texts for targets, settings and exit codes.</summary>
internal static class CliApp
{
    private const string Examples = """
        Examples:
          ditio-docs --emulator projects                      try it on a local emulator, no account needed
          ditio-docs push P-2026-001 *.pdf --section Drawings --replace
          ditio-docs ls P-2026-001 --json
          ditio-docs sync ./drawings P-2026-001 --sections-from-folders --delete
          ditio-docs describe P-2026-001 --section Drawings "Rev B, valid from 1 March"
        """;

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "ditio-docs: push, list, download, delete and sync documents of Ditio projects and work orders.")
        {
            GlobalOptions.Emulator,
            GlobalOptions.Json,
            GlobalOptions.Verbose,
            ProjectsCommand.Create(),
            WorkOrdersCommand.Create(),
            LsCommand.Create(),
            PushCommand.Create(),
            GetCommand.Create(),
            RmCommand.Create(),
            DescribeCommand.Create(),
            SyncCommand.Create(),
            EmulatorCommand.Create(),
        };
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction inner)
            {
                help.Action = new HelpWithNotesAction(inner);
            }
        }

        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        var parse = BuildRootCommand().Parse(args);
        var unknown = UnknownOption(parse);
        if (parse.Action is ParseErrorAction || unknown is not null)
        {
            var command = parse.CommandResult.Command;
            var usage = command is RootCommand ? "ditio-docs --help" : $"ditio-docs {command.Name} --help";
            var errors = unknown ?? string.Join(" ", parse.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            await Console.Error.WriteLineAsync(CliText.Escape($"ditio-docs: error: {errors} See '{usage}'."));
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// A command's argument that looks like an option (<c>push P-1 a.pdf --bogus</c>) is an unknown option, not a file
    /// name, unless such a file exists or it follows <c>--</c>.
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var literal = doubleDash < 0 ? [] : parse.Tokens.Skip(doubleDash + 1).ToHashSet();
        var suspect = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .FirstOrDefault(t => !literal.Contains(t) && t.Value.Length > 1 && t.Value[0] == '-' && !char.IsAsciiDigit(t.Value[1])
                && !File.Exists(t.Value) && !Directory.Exists(t.Value));
        return suspect is null ? null : $"Unrecognized option '{suspect.Value}' (to name a file that starts with '-', put it after '--').";
    }

    /// <summary>The usual help, then the target notation (for commands that take a target), settings and exit codes.</summary>
    private sealed class HelpWithNotesAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            var output = parseResult.InvocationConfiguration.Output;
            var isRoot = command is RootCommand;
            if (isRoot)
            {
                Section(output, Examples);
            }

            if (isRoot || command.Arguments.Any(a => a.ValueType == typeof(TargetSpec)))
            {
                Section(output, TargetSpec.HelpText);
            }

            if (isRoot || command.Name is not "emulator")
            {
                Section(output, DitioSettings.HelpText);
            }

            Section(output, ExitCodes.HelpText);
            return code;
        }

        private static void Section(TextWriter output, string text)
        {
            output.WriteLine(text);
            output.WriteLine();
        }
    }
}

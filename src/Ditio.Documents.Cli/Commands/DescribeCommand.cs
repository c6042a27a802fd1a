using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs describe &lt;project&gt; [--section S] (&lt;text&gt; | --clear)</c>: sets (or clears) the text Ditio shows
/// above a project's document folder or one of its pages.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var project = CliArguments.Target("The project: P-2026-001 or id:ID (see Targets below); Ditio has descriptions on projects only.");
        project.HelpName = "project";
        var text = new Argument<string?>("text")
        {
            Description = "The description, at most 10,000 characters (quote it).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var section = CliArguments.Section("The page (section) to describe; without it, the project's folder.");
        var clear = new Option<bool>("--clear") { Description = "Clear the description instead of setting one." };
        var command = new Command(
            "describe",
            "Set the text shown above a project's document folder, or above one of its pages with --section. The folder or page must hold a document already.")
        {
            project, text, section, clear,
        };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var spec = parse.GetRequiredValue(project);
            var description = Description(parse.GetValue(text), parse.GetValue(clear));
            if (spec.Kind == TargetKind.WorkOrderId)
            {
                throw new CliUsageException(
                    $"describe needs a project (P-2026-001 or id:ID), not the work order '{spec.Value}': Ditio has descriptions on projects only; a work order's page is in its project's folder (use --section).");
            }

            var (client, resolved) = await context.ConnectAsync(spec, cancellationToken);
            var page = parse.GetValue(section);
            var result = await client.SetDescriptionAsync(resolved.Target, description, page, cancellationToken);
            if (context.Json)
            {
                context.Output.Json(new DescribeJson(resolved.Display, page, result.ExternalId, result.Title, result.Description), CliJsonContext.Output.DescribeJson);
            }
            else
            {
                var what = page is null ? $"the folder of {resolved.Display}" : $"page '{result.Title ?? page}' of {resolved.Display}";
                context.Output.Line(description is null ? $"Cleared the description of {what}." : $"Described {what} ({description.Length} characters).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string? Description(string? text, bool clear) => (text, clear) switch
    {
        (null, false) => throw new CliUsageException("describe needs the text of the description, or --clear to clear it."),
        (not null, true) => throw new CliUsageException("describe takes the text of the description or --clear, not both."),
        _ => text,
    };
}

using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary><c>ditio-docs ls &lt;target&gt;</c>: the documents of a project or work order, page by page.</summary>
internal static class LsCommand
{
    public static Command Create()
    {
        var target = CliArguments.Target();
        var command = new Command("ls", "List the documents of a project or work order: section (page), file reference id and name.") { target };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var (client, resolved) = await context.ConnectAsync(parse.GetRequiredValue(target), cancellationToken);
            var pages = await client.GetPagesAsync(resolved.Target, cancellationToken);
            if (context.Json)
            {
                context.Output.Json(ModelJson.Of(pages), CliJsonContext.Output.IReadOnlyListPageJson);
            }
            else
            {
                context.Output.Table(
                    ["SECTION", "FILE REFERENCE ID", "NAME"],
                    pages.SelectMany(p => p.Files.Select(f => new[] { p.Section ?? "", f.FileReferenceId, f.Name })),
                    $"No documents on {resolved.Display}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary><c>ditio-docs rm &lt;target&gt; &lt;fileReferenceId&gt;</c>: deletes one document.</summary>
internal static class RmCommand
{
    public static Command Create()
    {
        var target = CliArguments.Target();
        var id = CliArguments.FileReferenceId();
        var command = new Command("rm", "Delete a document from a project or work order.") { target, id };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var fileReferenceId = parse.GetRequiredValue(id);
            var (client, resolved) = await context.ConnectAsync(parse.GetRequiredValue(target), cancellationToken);
            await client.DeleteAsync(resolved.Target, fileReferenceId, cancellationToken);
            if (context.Json)
            {
                context.Output.Json(new RmJson(fileReferenceId, resolved.Display), CliJsonContext.Output.RmJson);
            }
            else
            {
                context.Output.Line($"Deleted {fileReferenceId} from {resolved.Display}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

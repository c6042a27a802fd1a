using System.CommandLine;
using Ditio.Documents.Cli.Internal;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs get &lt;target&gt; &lt;fileReferenceId&gt; [-o path]</c>: downloads with <c>DownloadToFileAsync</c>
/// (a temporary file, moved into place only when complete). Without <c>-o</c>, or with <c>-o</c> naming a folder, the
/// file keeps its original name.
/// </summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var target = CliArguments.Target();
        var id = CliArguments.FileReferenceId();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write it: a file path (replaced if it exists) or a folder; default: its original name in the current folder.",
            HelpName = "path",
        };
        var command = new Command("get", "Download a document to a file.") { target, id, output };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var fileReferenceId = parse.GetRequiredValue(id);
            var destination = parse.GetValue(output);
            var (client, resolved) = await context.ConnectAsync(parse.GetRequiredValue(target), cancellationToken);
            var (path, renameIn) = Destination(destination, fileReferenceId);
            var document = await TransferProgressView.RunAsync(
                context.ShowProgress,
                $"Downloading {fileReferenceId}",
                totalBytes: null,
                perFile: false,
                progress => client.DownloadToFileAsync(resolved.Target, fileReferenceId, path, progress, cancellationToken));
            if (renameIn is not null)
            {
                var final = Path.Combine(renameIn, SafeFileName(document.FileName) ?? fileReferenceId);
                File.Move(document.Path, final, overwrite: true);
                document = document with { Path = final };
            }

            if (context.Json)
            {
                context.Output.Json(document);
            }
            else
            {
                context.Output.Line($"Downloaded '{document.FileName ?? fileReferenceId}' ({document.Length:N0} bytes) from {resolved.Display} to {document.Path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Where to download to: the path given, or (no path, or a folder) a hidden name in that folder, to be renamed to the
    /// document's original name once it has arrived (the name comes with the download).
    /// </summary>
    private static (string Path, string? RenameIn) Destination(string? output, string fileReferenceId)
    {
        if (output is not null && !Directory.Exists(output))
        {
            return (Path.GetFullPath(output), null);
        }

        var folder = Path.GetFullPath(output ?? ".");
        return (Path.Combine(folder, $".ditio-docs-{fileReferenceId}.download"), folder);
    }

    /// <summary>The document's name as a file name here: no folders, no characters this system refuses.</summary>
    private static string? SafeFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var invalid = Path.GetInvalidFileNameChars().Append('/').Append('\\').ToHashSet();
        var safe = new string([.. name.Select(c => invalid.Contains(c) ? '_' : c)]).Trim();
        return safe is "" or "." or ".." ? null : safe;
    }
}

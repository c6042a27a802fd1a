using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs get &lt;target&gt; &lt;fileReferenceId&gt; [-o path] [--overwrite]</c>: downloads with
/// <c>DownloadToFileAsync</c> into a temporary file beside the destination, moved into place only when complete, and
/// removed on every failure. An existing file is never replaced without <c>--overwrite</c>. Without <c>-o</c> (or with
/// <c>-o</c> naming a folder) the file keeps its original name, made safe (<see cref="DownloadFileName"/>).
/// </summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var target = CliArguments.Target();
        var id = CliArguments.FileReferenceId();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write it: a file path or a folder; default: its original name in the current folder.",
            HelpName = "path",
        };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists (without it, an existing file is left untouched: exit 1)." };
        var command = new Command("get", "Download a document to a file.") { target, id, output, overwrite };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var fileReferenceId = parse.GetRequiredValue(id);
            var replace = parse.GetValue(overwrite);
            var (folder, named) = Destination(parse.GetValue(output));
            if (named is not null && !replace && File.Exists(named))
            {
                throw Exists(named);
            }

            var (client, resolved) = await context.ConnectAsync(parse.GetRequiredValue(target), cancellationToken);
            var document = await DownloadAsync(context, client, resolved, fileReferenceId, folder, named, replace, cancellationToken);
            if (context.Json)
            {
                context.Output.Json(document, CliJsonContext.Output.DownloadedDocument);
            }
            else
            {
                context.Output.Line($"Downloaded '{document.FileName ?? fileReferenceId}' ({document.Length:N0} bytes) from {resolved.Display} to {document.Path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<DownloadedDocument> DownloadAsync(
        CliContext context, IDitioDocumentsClient client, ResolvedTarget resolved, string fileReferenceId, string folder, string? named, bool replace, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(folder, $".ditio-docs-{Guid.NewGuid():N}.download");
        try
        {
            var document = await TransferProgressView.RunAsync(
                context.ShowProgress,
                $"Downloading {fileReferenceId}",
                totalBytes: null,
                perFile: false,
                progress => client.DownloadToFileAsync(resolved.Target, fileReferenceId, temp, progress, cancellationToken));
            var final = named ?? Path.Combine(folder, DownloadFileName.Safe(document.FileName) ?? DownloadFileName.Safe(fileReferenceId)!);
            try
            {
                File.Move(temp, final, overwrite: replace);
            }
            catch (IOException) when (!replace && File.Exists(final))
            {
                throw Exists(final);
            }

            return document with { Path = final };
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The folder to write in, and the file named by <c>-o</c> (none: the document's own name, in that folder).</summary>
    /// <exception cref="CliUsageException">The folder does not exist.</exception>
    private static (string Folder, string? Named) Destination(string? output)
    {
        if (output is not null && !Directory.Exists(output))
        {
            var full = Path.GetFullPath(output);
            var parent = Path.GetDirectoryName(full)!;
            return Directory.Exists(parent) ? (parent, full) : throw new CliUsageException($"The folder of '{output}' does not exist.");
        }

        return (Path.GetFullPath(output ?? "."), null);
    }

    private static FileExistsException Exists(string path) =>
        new($"'{path}' already exists and was left untouched: use --overwrite to replace it, or -o PATH to write elsewhere.");
}

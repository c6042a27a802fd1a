using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs push &lt;target&gt; &lt;files...&gt;</c>: uploads files with <c>UploadManyAsync</c> (requests under
/// Ditio's size limit, several at once) and prints one line per file. A file Ditio would refuse fails alone: exit 1.
/// </summary>
internal static class PushCommand
{
    public static Command Create()
    {
        var target = CliArguments.Target();
        var files = new Argument<string[]>("files")
        {
            Description = "The files to upload (their names become the documents' names).",
            Arity = ArgumentArity.OneOrMore,
        };
        var section = CliArguments.Section("The section (page) to put them on; Ditio's default page when omitted.");
        var replace = new Option<bool>("--replace", "-r") { Description = "Replace documents with the same name on that page instead of adding a copy." };
        var parallel = CliArguments.Parallel();
        var command = new Command("push", "Upload files to a project or work order, one result line per file.") { target, files, section, replace, parallel };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var uploads = parse.GetRequiredValue(files).SelectMany(Expand).Select(path => DocumentUploadFile.FromPath(path)).ToList();
            var (client, resolved) = await context.ConnectAsync(
                parse.GetRequiredValue(target), cancellationToken, o => o.Transfers.MaxParallelRequests = parse.GetValue(parallel) ?? o.Transfers.MaxParallelRequests);
            var options = new DocumentUploadOptions { Section = parse.GetValue(section), ReplaceExistingFilesWithSameName = parse.GetValue(replace) };
            var result = await TransferProgressView.RunAsync(
                context.ShowProgress,
                $"Uploading {uploads.Count} file(s) to {resolved.Display}",
                uploads.Sum(f => f.Length ?? 0),
                perFile: true,
                progress => client.UploadManyAsync(resolved.Target, uploads, options with { Progress = progress }, cancellationToken));
            Print(context, resolved, options.Section, result);
            return result.AllUploaded ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// A path as given, or, when no such file exists and its name has <c>*</c> or <c>?</c>, the files it matches in its
    /// folder (for shells that do not expand wildcards: cmd, PowerShell).
    /// </summary>
    /// <exception cref="CliUsageException">A wildcard matches no file.</exception>
    private static IEnumerable<string> Expand(string path)
    {
        var name = Path.GetFileName(path);
        if (File.Exists(path) || name.IndexOfAny(['*', '?']) < 0)
        {
            return [path];
        }

        var folder = Path.GetDirectoryName(path) is { Length: > 0 } parent ? parent : ".";
        var matches = Directory.Exists(folder) ? Directory.GetFiles(folder, name).Order(StringComparer.Ordinal).ToList() : [];
        return matches.Count > 0 ? matches : throw new CliUsageException($"No file matches '{path}'.");
    }

    private static void Print(CliContext context, ResolvedTarget target, string? section, DocumentBatchUploadResult result)
    {
        var uploaded = result.Uploaded.Count();
        var failed = result.Failed.Count();
        if (context.Json)
        {
            var files = result.Outcomes.Select(o => new PushFileJson(
                o.File.FilePath, o.File.FileName, o.Status, o.FileReferenceId, o.Error is { } error ? CliErrors.MessageOf(error) : null));
            context.Output.Json(new PushJson(target.Display, section, uploaded, failed, result.RequestCount, [.. files]), CliJsonContext.Output.PushJson);
            return;
        }

        context.Output.Table(
            ["RESULT", "FILE", "FILE REFERENCE ID OR ERROR"],
            result.Outcomes.Select(o => o.Status == DocumentUploadStatus.Uploaded
                ? new[] { "uploaded", o.File.FileName, o.FileReferenceId ?? "" }
                : ["failed", o.File.FileName, o.Error is { } error ? CliErrors.MessageOf(error) : "failed"]));
        var page = section is null ? "the default page" : $"section '{section}'";
        context.Output.Line($"{uploaded} uploaded, {failed} failed, to {target.Display}, {page} ({result.RequestCount} request(s)).");
    }
}

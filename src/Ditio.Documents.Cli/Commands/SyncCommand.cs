using System.CommandLine;
using Ditio.Documents.Cli.Internal;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs sync &lt;folder&gt; &lt;target&gt;</c>: mirrors a folder with <c>SyncFolderAsync</c>. Text output lists
/// what changed (unchanged files only in the counts); <c>--json</c> gives the counts and every item. Conflicts or
/// failures: exit 1.
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var symbols = new Symbols(
            new Argument<string>("folder") { Description = "The local folder to mirror (its manifest .ditio-sync.json is kept there)." },
            CliArguments.Target(),
            CliArguments.Section("The section (page) for the files; with --sections-from-folders, for the files directly in the folder."),
            new Option<bool>("--sections-from-folders") { Description = "Each top-level sub-folder is a section of its own (Drawings/, Contracts/)." },
            new Option<bool>("--delete") { Description = "Delete documents this sync uploaded whose files are gone (never anybody else's)." },
            new Option<bool>("--dry-run") { Description = "Only print the plan: nothing is uploaded or deleted." },
            new Option<string?>("--manifest") { Description = "The manifest's path (default: .ditio-sync.json in the folder).", HelpName = "path" },
            CliArguments.Parallel());
        var command = new Command("sync", "Mirror a local folder to a project or work order: upload new and changed files, skip unchanged ones.")
        {
            symbols.Folder, symbols.Target, symbols.Section, symbols.FromFolders, symbols.Delete, symbols.DryRun, symbols.Manifest, symbols.Parallel,
        };
        command.SetCliAction((context, parse, cancellationToken) => RunAsync(context, parse, symbols, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Symbols symbols, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(parse.GetRequiredValue(symbols.Folder));
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"The folder '{folder}' does not exist.");
        }

        var (client, target) = await context.ConnectAsync(
            parse.GetRequiredValue(symbols.Target), cancellationToken, o => o.Transfers.MaxParallelRequests = parse.GetValue(symbols.Parallel) ?? o.Transfers.MaxParallelRequests);
        var options = new DocumentSyncOptions
        {
            Section = parse.GetValue(symbols.Section),
            SectionsFromFolders = parse.GetValue(symbols.FromFolders),
            DeleteRemoved = parse.GetValue(symbols.Delete),
            DryRun = parse.GetValue(symbols.DryRun),
            ManifestPath = parse.GetValue(symbols.Manifest),
        };
        var result = await TransferProgressView.RunAsync(
            context.ShowProgress && !options.DryRun,
            $"Syncing {folder} to {target.Display}",
            totalBytes: null,
            perFile: true,
            progress => client.SyncFolderAsync(folder, target.Target, options with { Progress = progress }, cancellationToken));
        Print(context, folder, target, result);
        return result.Conflicts + result.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static void Print(CliContext context, string folder, ResolvedTarget target, DocumentSyncResult result)
    {
        if (context.Json)
        {
            context.Output.Json(new
            {
                Folder = folder,
                Target = target.Display,
                result.DryRun,
                result.Added,
                result.Replaced,
                result.Unchanged,
                result.Deleted,
                result.Conflicts,
                result.Failed,
                result.Items,
            });
            return;
        }

        if (result.DryRun)
        {
            context.Output.Line($"Dry run: nothing was changed. A sync of {folder} to {target.Display} would do:");
        }

        context.Output.Table(
            ["ACTION", "FILE", "SECTION", "DETAIL"],
            result.Items.Where(i => i.Action != DocumentSyncAction.Unchanged).Select(i => new[]
            {
                ActionWord(i.Action, result.DryRun), i.RelativePath, i.Section ?? "", CliErrors.OneLine(i.Reason ?? i.FileReferenceId ?? ""),
            }));
        context.Output.Line(result.DryRun
            ? $"Would sync {folder} to {target.Display}: add {result.Added}, replace {result.Replaced}, unchanged {result.Unchanged}, " +
              $"delete {result.Deleted}, conflicts {result.Conflicts}."
            : $"Synced {folder} to {target.Display}: added {result.Added}, replaced {result.Replaced}, unchanged {result.Unchanged}, " +
              $"deleted {result.Deleted}, conflicts {result.Conflicts}, failed {result.Failed}.");
    }

    private static string ActionWord(DocumentSyncAction action, bool dryRun) => (action, dryRun) switch
    {
        (DocumentSyncAction.Added, true) => "would add",
        (DocumentSyncAction.Replaced, true) => "would replace",
        (DocumentSyncAction.Deleted, true) => "would delete",
        _ => action.ToString().ToLowerInvariant(),
    };

    private sealed record Symbols(
        Argument<string> Folder,
        Argument<TargetSpec> Target,
        Option<string?> Section,
        Option<bool> FromFolders,
        Option<bool> Delete,
        Option<bool> DryRun,
        Option<string?> Manifest,
        Option<int?> Parallel);
}

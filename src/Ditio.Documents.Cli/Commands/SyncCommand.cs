using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary>
/// <c>ditio-docs sync &lt;folder&gt; &lt;target&gt;</c>: mirrors a folder with <c>SyncFolderAsync</c>. Text output lists
/// what changed and what was skipped (excluded files only in a dry run; unchanged files only in the counts);
/// <c>--json</c> gives the counts and every item. Conflicts, failures or refused deletes: exit 1.
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
            new Option<bool>("--delete") { Description = "Delete documents this sync uploaded whose files are gone (never anybody else's; never after a failure in the run, never from an empty folder)." },
            new Option<int?>("--max-delete") { Description = $"The most documents one run may delete (default {DocumentSyncOptions.DefaultMaxDelete}); over it, none is deleted.", HelpName = "n", Validators = { NotNegative } },
            new Option<bool>("--replace-existing") { Description = "Replace same-named documents this sync did not upload (and manage them from then on); without it they are conflicts." },
            new Option<bool>("--follow-symlinks") { Description = "Follow symbolic links (only those that stay inside the folder); without it they are skipped." },
            new Option<string[]>("--exclude") { Description = "Leave out files matching a glob (repeatable): '*.bak', 'Archive/**'. Junk (Thumbs.db, ~$*, *.tmp, ...) is always left out.", HelpName = "glob" },
            new Option<bool>("--dry-run") { Description = "Only print the plan (and what is excluded): nothing is uploaded or deleted." },
            new Option<string?>("--manifest") { Description = "The manifest's path (default: .ditio-sync.json in the folder).", HelpName = "path" },
            CliArguments.Parallel());
        var command = new Command("sync", "Mirror a local folder to a project or work order: upload new and changed files, skip unchanged ones.")
        {
            symbols.Folder, symbols.Target, symbols.Section, symbols.FromFolders, symbols.Delete, symbols.MaxDelete, symbols.ReplaceExisting,
            symbols.FollowSymlinks, symbols.Exclude, symbols.DryRun, symbols.Manifest, symbols.Parallel,
        };
        command.SetCliAction((context, parse, cancellationToken) => RunAsync(context, parse, symbols, cancellationToken));
        return command;
    }

    private static void NotNegative(System.CommandLine.Parsing.OptionResult result)
    {
        if (CliArguments.WholeNumber(result) is < 0)
        {
            result.AddError("--max-delete must be 0 or more.");
        }
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, Symbols symbols, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(parse.GetRequiredValue(symbols.Folder));
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"The folder '{folder}' does not exist.");
        }

        var options = new DocumentSyncOptions
        {
            Section = parse.GetValue(symbols.Section),
            SectionsFromFolders = parse.GetValue(symbols.FromFolders),
            DeleteRemoved = parse.GetValue(symbols.Delete),
            MaxDelete = parse.GetValue(symbols.MaxDelete) ?? DocumentSyncOptions.DefaultMaxDelete,
            ReplaceExisting = parse.GetValue(symbols.ReplaceExisting),
            FollowSymlinks = parse.GetValue(symbols.FollowSymlinks),
            Exclude = parse.GetValue(symbols.Exclude) ?? [],
            DryRun = parse.GetValue(symbols.DryRun),
            ManifestPath = parse.GetValue(symbols.Manifest),
        };
        var (client, target) = await context.ConnectAsync(
            parse.GetRequiredValue(symbols.Target), cancellationToken, o => o.Transfers.MaxParallelRequests = parse.GetValue(symbols.Parallel) ?? o.Transfers.MaxParallelRequests);
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
            context.Output.Json(
                new SyncJson(
                    folder, target.Display, result.DryRun, result.Added, result.Replaced, result.Unchanged, result.Deleted,
                    result.Conflicts, result.Failed, result.Skipped, result.Excluded, result.Items),
                CliJsonContext.Output.SyncJson);
            return;
        }

        if (result.DryRun)
        {
            context.Output.Line($"Dry run: nothing was changed. A sync of {folder} to {target.Display} would do:");
        }

        context.Output.Table(
            ["ACTION", "FILE", "SECTION", "DETAIL"],
            result.Items.Where(i => i.Action != DocumentSyncAction.Unchanged && (result.DryRun || i.Action != DocumentSyncAction.Excluded)).Select(i => new[]
            {
                ActionWord(i.Action, result.DryRun), i.RelativePath, i.Section ?? "", CliErrors.OneLine(i.Reason ?? i.FileReferenceId ?? ""),
            }));
        context.Output.Line(result.DryRun
            ? $"Would sync {folder} to {target.Display}: add {result.Added}, replace {result.Replaced}, unchanged {result.Unchanged}, " +
              $"delete {result.Deleted}, conflicts {result.Conflicts}, failed {result.Failed}, skipped {result.Skipped}, excluded {result.Excluded}."
            : $"Synced {folder} to {target.Display}: added {result.Added}, replaced {result.Replaced}, unchanged {result.Unchanged}, " +
              $"deleted {result.Deleted}, conflicts {result.Conflicts}, failed {result.Failed}, skipped {result.Skipped}, excluded {result.Excluded}.");
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
        Option<int?> MaxDelete,
        Option<bool> ReplaceExisting,
        Option<bool> FollowSymlinks,
        Option<string[]> Exclude,
        Option<bool> DryRun,
        Option<string?> Manifest,
        Option<int?> Parallel);
}

namespace Ditio.Documents.Internal.Sync;

/// <summary>Why a delete the sync wanted to make was not made: the positive proof and the cap every delete needs.</summary>
internal static class DeleteGuard
{
    public const string AfterFailure =
        "Not deleted: something failed earlier in this run (see the failed entries), so a file that is there may only look gone. Fix that and sync again.";

    public const string EmptyFolder =
        "Not deleted: the folder holds no files at all (a share that is not mounted, or a folder emptied by mistake?). Delete those documents by hand if that is really meant.";

    public static string EmptySectionFolder(string folder) =>
        $"Not deleted: the section folder '{folder}' is missing or holds no files at all (a share that is not mounted?). Delete those documents by hand if that is really meant.";

    public static string OverCap(int count, int max) =>
        $"Not deleted: {count} documents would be deleted, more than the cap of {max} per run. If that is right, run again with --max-delete {count} (MaxDelete = {count}).";
}

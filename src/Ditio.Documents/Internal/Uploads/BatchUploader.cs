using Ditio.Documents.Internal.Transfers;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>What the batch uploader tells its caller around each request (the sync records its manifest there).</summary>
internal interface IBatchObserver
{
    /// <summary>Called before a request is sent, with the indexes of its files.</summary>
    Task SendingAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken);

    /// <summary>Called once a request has an outcome (uploaded or failed) for each of its files.</summary>
    Task SentAsync(IReadOnlyList<int> batch, DocumentUploadResult? result, CancellationToken cancellationToken);
}

/// <summary>
/// The one place files are uploaded in batches, for <c>UploadManyAsync</c> and sync alike: requests under the size and
/// count limits, never two namesakes in one request, up to the parallel limit; each created document matched to its
/// file by name, never by its position in the answer. A request's failure (Ditio's, or a local file that cannot be
/// read) fails its files only.
/// </summary>
internal sealed class BatchUploader(
    DitioTransferOptions limits,
    Func<IReadOnlyList<DocumentUploadFile>, string, ProgressTracker, CancellationToken, Task<DocumentUploadResult>> send)
{
    /// <summary>Uploads the <paramref name="sendable"/> files; fills their <paramref name="outcomes"/>.</summary>
    /// <returns>How many requests were planned.</returns>
    public async Task<int> UploadAsync(
        IReadOnlyList<DocumentUploadFile> files,
        IReadOnlyList<int> sendable,
        DocumentUploadOutcome?[] outcomes,
        string boundary,
        ProgressTracker tracker,
        IBatchObserver? observer,
        CancellationToken cancellationToken)
    {
        var batches = UploadPlanner.Plan(files, sendable, limits.MaxRequestBytes, boundary, limits.MaxFilesPerRequest);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = limits.MaxParallelRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, async (batch, ct) =>
        {
            if (observer is not null)
            {
                await observer.SendingAsync(batch, ct).ConfigureAwait(false);
            }

            var batchFiles = batch.Select(i => files[i]).ToList();
            DocumentUploadResult? result = null;
            try
            {
                result = await send(batchFiles, boundary, tracker, ct).ConfigureAwait(false);
                var created = MatchCreated(batchFiles, result.Files);
                for (var j = 0; j < batch.Count; j++)
                {
                    outcomes[batch[j]] = new DocumentUploadOutcome { File = batchFiles[j], Status = DocumentUploadStatus.Uploaded, Document = created[j] };
                }
            }
            catch (Exception ex) when (ex is DitioException || (ex is IOException or UnauthorizedAccessException && batchFiles.TrueForAll(f => f.FilePath is not null)))
            {
                foreach (var i in batch)
                {
                    outcomes[i] = new DocumentUploadOutcome { File = files[i], Status = DocumentUploadStatus.Failed, Error = ex };
                }
            }

            if (observer is not null)
            {
                await observer.SentAsync(batch, result, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return batches.Count;
    }

    /// <summary>
    /// Each file's created document, by name: exact first, then as Ditio compares names (<see cref="DocumentNames"/>);
    /// a single file and a single document left unmatched (Ditio changed the name) go together; otherwise none.
    /// </summary>
    internal static UploadedDocument?[] MatchCreated(IReadOnlyList<DocumentUploadFile> files, IReadOnlyList<UploadedDocument> created)
    {
        var remaining = created.ToList();
        var matched = new UploadedDocument?[files.Count];
        foreach (var same in new Func<string, string, bool>[] { string.Equals, DocumentNames.Same })
        {
            for (var i = 0; i < files.Count; i++)
            {
                if (matched[i] is null && remaining.Find(c => same(c.Name, files[i].FileName)) is { } match)
                {
                    matched[i] = match;
                    remaining.Remove(match);
                }
            }
        }

        var unmatched = Enumerable.Range(0, files.Count).Where(i => matched[i] is null).ToList();
        if (unmatched.Count == 1 && remaining.Count == 1)
        {
            matched[unmatched[0]] = remaining[0];
        }

        return matched;
    }
}

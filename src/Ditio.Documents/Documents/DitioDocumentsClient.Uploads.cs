using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Transfers;
using Ditio.Documents.Internal.Uploads;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public Task<DocumentUploadResult> UploadAsync(
        DocumentTarget target,
        IEnumerable<DocumentUploadFile> files,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = CheckUpload(target, files, options);
        var boundary = UploadContent.NewBoundary();
        if (list.Select(f => UploadRules.Check(f, _transfers, boundary)).FirstOrDefault(r => r is not null) is { } broken)
        {
            throw new ArgumentException(broken, nameof(files));
        }

        var known = list.Where(f => f.Length is not null).Select(f => (f, f.Length!.Value));
        if (list.Count > 1 && UploadSizing.RequestBytes(known, boundary) is var size && size >= _transfers.MaxRequestBytes)
        {
            throw new ArgumentException(
                $"The {list.Count} files make a request of {size} bytes, and Ditio refuses requests of {_transfers.MaxRequestBytes} bytes or more: use UploadManyAsync, which splits them.",
                nameof(files));
        }

        var tracker = new ProgressTracker(options?.Progress, TotalOf(list));
        return SendUploadAsync(target, list, options, boundary, tracker, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DocumentUploadResult> UploadFileAsync(
        DocumentTarget target,
        string filePath,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        if (!File.Exists(filePath))
        {
            throw new ArgumentException($"The file '{filePath}' does not exist (or is a folder): only existing files can be uploaded.", nameof(filePath));
        }

        return UploadAsync(target, [DocumentUploadFile.FromPath(filePath)], options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentBatchUploadResult> UploadManyAsync(
        DocumentTarget target,
        IEnumerable<DocumentUploadFile> files,
        DocumentUploadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = CheckUpload(target, files, options, missingFilesFail: false);
        var boundary = UploadContent.NewBoundary();
        var outcomes = new DocumentUploadOutcome?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var broken = list[i].FilePath is { } path && !File.Exists(path)
                ? $"The file '{path}' does not exist any more."
                : UploadRules.Check(list[i], _transfers, boundary);
            if (broken is not null)
            {
                outcomes[i] = new DocumentUploadOutcome { File = list[i], Status = DocumentUploadStatus.Failed, Error = new ArgumentException(broken, nameof(files)) };
            }
        }

        var sendable = Enumerable.Range(0, list.Count).Where(i => outcomes[i] is null).ToList();
        var batches = UploadPlanner.Plan(list, sendable, _transfers.MaxRequestBytes, boundary, _transfers.MaxFilesPerRequest);
        var tracker = new ProgressTracker(options?.Progress, TotalOf(sendable.Select(i => list[i])));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _transfers.MaxParallelRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, async (batch, ct) =>
        {
            var batchFiles = batch.Select(i => list[i]).ToList();
            try
            {
                var result = await SendUploadAsync(target, batchFiles, options, boundary, tracker, ct).ConfigureAwait(false);
                var created = MatchCreated(batchFiles, result.Files);
                for (var j = 0; j < batch.Count; j++)
                {
                    outcomes[batch[j]] = new DocumentUploadOutcome { File = batchFiles[j], Status = DocumentUploadStatus.Uploaded, Document = created[j] };
                }
            }
            catch (DitioException ex)
            {
                foreach (var i in batch)
                {
                    outcomes[i] = new DocumentUploadOutcome { File = list[i], Status = DocumentUploadStatus.Failed, Error = ex };
                }
            }
        }).ConfigureAwait(false);

        return new DocumentBatchUploadResult { Outcomes = outcomes!, RequestCount = batches.Count };
    }

    private async Task<DocumentUploadResult> SendUploadAsync(
        DocumentTarget target, IReadOnlyList<DocumentUploadFile> files, DocumentUploadOptions? options, string boundary, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var replace = options?.ReplaceExistingFilesWithSameName == true ? "true" : null;
        var call = DitioCall.Upload(replacesByName: replace is not null, _maxResponseBytes);
        using var token = Link(cancellationToken);
        using var watchdog = new StallWatchdog(_transfers.StallTimeout, _time, token.Token);
        using var content = new UploadContent(files, call, boundary, tracker, watchdog);
        var (result, status) = await SendJsonAsync<DocumentUploadResult>(
            call,
            (c, ct) => _api.UploadAsync(target.RouteSegment, target.Id, options?.Section, replace, content, c, ct),
            cancellationToken,
            watchdog: watchdog).ConfigureAwait(false);
        if (result!.Successful == false)
        {
            throw Report(call, _errors.Unsuccessful(status, call, result.Message));
        }

        return result;
    }

    private List<DocumentUploadFile> CheckUpload(DocumentTarget target, IEnumerable<DocumentUploadFile> files, DocumentUploadOptions? options, bool missingFilesFail = true)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(files);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var list = files.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one file is required.", nameof(files));
        }

        if (list.Exists(f => f is null))
        {
            throw new ArgumentException("The files must not contain null.", nameof(files));
        }

        if (missingFilesFail && list.Find(f => f.FilePath is not null && !File.Exists(f.FilePath)) is { } missing)
        {
            throw new ArgumentException($"The file '{missing.FilePath}' does not exist any more.", nameof(files));
        }

        Guard.Section(options?.Section, $"{nameof(options)}.{nameof(DocumentUploadOptions.Section)}");
        return list;
    }

    private static long? TotalOf(IEnumerable<DocumentUploadFile> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            if (file.Length is not { } length)
            {
                return null;
            }

            total += length;
        }

        return total;
    }

    /// <summary>
    /// Each file's created document: the one of the same name (Ditio may list them in any order), so that a file is never
    /// given another file's document. Files left without a match (Ditio renamed them) take the documents left, in order,
    /// when as many of each are left; otherwise none.
    /// </summary>
    private static UploadedDocument?[] MatchCreated(List<DocumentUploadFile> files, IReadOnlyList<UploadedDocument> created)
    {
        var remaining = created.ToList();
        var matched = files.Select(f =>
        {
            var match = remaining.Find(c => string.Equals(c.Name, f.FileName, StringComparison.Ordinal));
            remaining.Remove(match!);
            return match;
        }).ToArray();
        if (remaining.Count == matched.Count(m => m is null))
        {
            var next = 0;
            for (var i = 0; i < matched.Length; i++)
            {
                matched[i] ??= remaining[next++];
            }
        }

        return matched;
    }
}

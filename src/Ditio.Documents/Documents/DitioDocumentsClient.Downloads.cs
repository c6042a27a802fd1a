using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Downloads;
using Ditio.Documents.Internal.Telemetry;
using Ditio.Documents.Internal.Transfers;
using Ditio.Documents.Internal.Uploads;
using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

public sealed partial class DitioDocumentsClient
{
    /// <inheritdoc />
    public Task<DocumentDownload> DownloadAsync(
        DocumentTarget target, string fileReferenceId, IProgress<DocumentTransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        DownloadAsync(target, fileReferenceId, progress, reportBody: true, cancellationToken);

    /// <summary>A download; a failure reading its body is logged as the operation's failure only if <paramref name="reportBody"/>.</summary>
    private async Task<DocumentDownload> DownloadAsync(
        DocumentTarget target, string fileReferenceId, IProgress<DocumentTransferProgress>? progress, bool reportBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var call = DitioCall.Download();

        // The watchdog outlives this call (it guards the reads of the returned stream), so it follows the client's
        // lifetime (Dispose ends the reads too) and the caller's token only covers the wait for the response headers.
        var watchdog = new StallWatchdog(_transfers.StallTimeout, _time, _lifetime.Token);
        HttpResponseMessage? response = null;
        var operation = DitioOperation.Start("Download", target, count: 1);
        try
        {
            using (Link(CancellationToken.None)) // counted as running until the headers are in
            using (var headersWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token))
            {
                response = await SendCoreAsync(
                    call, (c, ct) => _api.DownloadAsync(target.RouteSegment, target.Id, fileReferenceId, c, ct), watchdog, headersWait.Token, cancellationToken).ConfigureAwait(false);
            }

            watchdog.Pause();
            if (!response.IsSuccessStatusCode)
            {
                var error = _errors.FromResponse(response, call);
                call.ReleaseAnswer();
                throw Report(call, error);
            }

            Func<DitioApiException, DitioApiException> report = reportBody ? e => Report(call, e) : static e => e;
            var download = await OpenDownloadAsync(
                response, call, watchdog, fileReferenceId, progress, RequestIds.Of(response.Headers, _errors.Scrubber), report, cancellationToken).ConfigureAwait(false);
            operation.Succeeded(bytes: download.ContentLength);
            return download;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            response?.Dispose();
            watchdog.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<DownloadedDocument> DownloadToFileAsync(
        DocumentTarget target,
        string fileReferenceId,
        string destinationPath,
        IProgress<DocumentTransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Id(fileReferenceId);
        var fullPath = FileDestination.Check(destinationPath, nameof(destinationPath));
        var operation = DitioOperation.Start("DownloadToFile", target, count: 1);
        try
        {
            var downloaded = await DownloadToFileCoreAsync(target, fileReferenceId, fullPath, progress, cancellationToken).ConfigureAwait(false);
            operation.Succeeded(bytes: downloaded.Length);
            return downloaded;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }

    private async Task<DownloadedDocument> DownloadToFileCoreAsync(
        DocumentTarget target, string fileReferenceId, string fullPath, IProgress<DocumentTransferProgress>? progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var download = await DownloadAsync(target, fileReferenceId, progress, reportBody: false, cancellationToken).ConfigureAwait(false);
            await using (download.ConfigureAwait(false))
            {
                try
                {
                    var length = await FileDestination.WriteAsync(download, fullPath, cancellationToken).ConfigureAwait(false);
                    return new DownloadedDocument { Path = fullPath, FileName = download.FileName, ContentType = download.ContentType, Length = length };
                }
                catch (DitioApiException ex) when (ex.Kind == DitioFailureKind.InvalidResponse && attempt <= _retry.MaxRetryAttempts)
                {
                    // The body broke off: start over from the first byte, into a fresh temporary file.
                }
                catch (DitioApiException ex)
                {
                    // The body failed for good: the operation's one Warning line (attempts that were restarted write none).
                    throw Report("DownloadToFile", ex);
                }
            }

            await WaitToRestartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before a download starts over: ended by the caller's cancellation, or by <see cref="Dispose"/>.</summary>
    private async Task WaitToRestartAsync(CancellationToken cancellationToken)
    {
        using var token = Link(cancellationToken);
        try
        {
            await Task.Delay(_retry.BaseDelay, _time, token.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _disposed)
        {
            throw new ObjectDisposedException(nameof(DitioDocumentsClient), "The Ditio client was disposed while DownloadToFile was waiting to start over.");
        }
    }

    private static async Task<DocumentDownload> OpenDownloadAsync(
        HttpResponseMessage response,
        DitioCall call,
        StallWatchdog watchdog,
        string fileReferenceId,
        IProgress<DocumentTransferProgress>? progress,
        string? requestId,
        Func<DitioApiException, DitioApiException> report,
        CancellationToken cancellationToken)
    {
        var headers = response.Content.Headers;
        var disposition = headers.NonValidated.TryGetValues("Content-Disposition", out var values) ? values.ToString() : null;
        var fileName = ContentDispositionParser.GetFileName(disposition);
        var tracked = new ProgressTracker(progress, headers.ContentLength).StartFile(fileName ?? fileReferenceId, headers.ContentLength, null);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new DocumentDownload(
            response,
            new DownloadStream(stream, headers.ContentLength, watchdog, tracked, call.PathOrOperation, report) { RequestId = requestId },
            fileName,
            headers.ContentType?.ToString() ?? MediaTypes.OctetStream,
            headers.ContentLength);
    }
}

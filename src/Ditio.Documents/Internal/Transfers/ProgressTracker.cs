namespace Ditio.Documents.Internal.Transfers;

/// <summary>
/// Adds up the bytes of one transfer (one or many files, possibly in parallel requests) and reports progress at
/// most once per 64 KB per file, plus once when a file completes. Each file re-arms its request's stall watchdog.
/// </summary>
internal sealed class ProgressTracker(IProgress<DocumentTransferProgress>? progress, long? totalBytes)
{
    internal const int ReportEvery = 64 * 1024;
    private long _transferred;

    public long Transferred => Interlocked.Read(ref _transferred);

    /// <summary>Starts a file: its own counter, reported from zero (again, on a retry).</summary>
    public FileProgress StartFile(string fileName, long? fileBytes, StallWatchdog? watchdog) => new(this, fileName, fileBytes, watchdog);

    private void Report(FileProgress file, long overall) =>
        progress?.Report(new DocumentTransferProgress
        {
            FileName = file.FileName,
            FileBytesTransferred = file.Transferred,
            FileTotalBytes = file.TotalBytes,
            BytesTransferred = overall,
            TotalBytes = totalBytes,
        });

    internal sealed class FileProgress(ProgressTracker owner, string fileName, long? totalBytes, StallWatchdog? watchdog)
    {
        private long _unreported;

        public string FileName { get; } = fileName;

        public long? TotalBytes { get; } = totalBytes;

        public long Transferred { get; private set; }

        public void Moved(int bytes)
        {
            watchdog?.Kick();
            Transferred += bytes;
            _unreported += bytes;
            var overall = Interlocked.Add(ref owner._transferred, bytes);
            if (_unreported >= ReportEvery || Transferred == TotalBytes)
            {
                _unreported = 0;
                owner.Report(this, overall);
            }
        }

        /// <summary>Reports what is left unreported, for a file whose length was not known.</summary>
        public void Complete()
        {
            if (_unreported > 0)
            {
                _unreported = 0;
                owner.Report(this, owner.Transferred);
            }
        }

        /// <summary>Takes back what a failed attempt had counted, so a retry does not count twice.</summary>
        public void Restart()
        {
            Interlocked.Add(ref owner._transferred, -Transferred);
            Transferred = 0;
            _unreported = 0;
        }
    }
}

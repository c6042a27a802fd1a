using Spectre.Console;

namespace Ditio.Documents.Cli.Internal;

/// <summary>
/// Progress bars (Spectre.Console) for a transfer when output is a terminal: one for the whole transfer and, for
/// uploads, one per file in flight (hidden when done). Cleared at the end, so the per-file lines follow. When not
/// shown, the transfer runs with no progress at all.
/// </summary>
internal static class TransferProgressView
{
    public static Task<T> RunAsync<T>(bool show, string title, long? totalBytes, bool perFile, Func<IProgress<DocumentTransferProgress>?, Task<T>> transfer)
    {
        if (!show)
        {
            return transfer(null);
        }

        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(context => transfer(new Bars(context, title, totalBytes, perFile)));
    }

    /// <summary>Reports arrive from several uploads at once; one lock keeps the bars and the sums consistent.</summary>
    private sealed class Bars : IProgress<DocumentTransferProgress>
    {
        private readonly Lock _gate = new();
        private readonly ProgressContext _context;
        private readonly ProgressTask _overall;
        private readonly long? _totalBytes;
        private readonly bool _perFile;
        private readonly Dictionary<string, (ProgressTask? Bar, long Bytes)> _files = new(StringComparer.Ordinal);
        private long _transferred;
        private long _knownTotal;

        public Bars(ProgressContext context, string title, long? totalBytes, bool perFile)
        {
            _context = context;
            _totalBytes = totalBytes;
            _perFile = perFile;
            _overall = context.AddTask(Markup.Escape(CliText.Escape(title)), maxValue: Math.Max(1, totalBytes ?? 1));
            _overall.IsIndeterminate = totalBytes is null;
        }

        public void Report(DocumentTransferProgress value)
        {
            lock (_gate)
            {
                if (!_files.TryGetValue(value.FileName, out var file))
                {
                    file = (_perFile ? NewFileBar(value) : null, 0);
                    _knownTotal += value.FileTotalBytes ?? 0;
                }

                _transferred += value.FileBytesTransferred - file.Bytes;
                _files[value.FileName] = (file.Bar, value.FileBytesTransferred);
                if (file.Bar is { } bar)
                {
                    bar.Value = value.FileBytesTransferred;
                    if (value.FileBytesTransferred >= value.FileTotalBytes)
                    {
                        bar.StopTask();
                    }
                }

                _overall.MaxValue = Math.Max(1, _totalBytes ?? _knownTotal);
                _overall.IsIndeterminate = false;
                _overall.Value = _transferred;
            }
        }

        private ProgressTask NewFileBar(DocumentTransferProgress value)
        {
            var bar = _context.AddTask("  " + Markup.Escape(CliText.Escape(value.FileName)), maxValue: Math.Max(1, value.FileTotalBytes ?? 1));
            bar.HideWhenCompleted = true;
            return bar;
        }
    }
}

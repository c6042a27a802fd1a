using System.Text;
using Ditio.Documents.Internal.Http;
using Ditio.Documents.Internal.Transfers;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>The multipart/form-data body of an upload: one part named <c>file</c> per file, headers in UTF-8.</summary>
internal sealed class UploadContent : MultipartFormDataContent, IDitioRequestContent
{
    private readonly List<FilePartContent> _parts = [];

    public UploadContent(
        IEnumerable<DocumentUploadFile> files, bool replacesByName, string? boundary = null, ProgressTracker? progress = null, StallWatchdog? watchdog = null)
        : base(boundary ?? NewBoundary())
    {
        IsIdempotent = replacesByName;

        // Part headers carry raw UTF-8 file names (RFC 7578); the default would write them as Latin-1.
        HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
        foreach (var file in files)
        {
            var part = new FilePartContent(file, progress, watchdog);
            _parts.Add(part);
            Add(part);
        }
    }

    public bool IsReplayable => _parts.TrueForAll(p => p.IsReplayable);

    /// <summary>Gets a value indicating whether the upload replaces documents by name, so a repeat cannot double them.</summary>
    public bool IsIdempotent { get; }

    /// <summary>A boundary of fixed length, so request sizes can be planned before the content exists.</summary>
    public static string NewBoundary() => "ditio-" + Guid.NewGuid().ToString("N");
}

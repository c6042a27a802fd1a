using System.Text;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Internal.Transfers;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>
/// The multipart/form-data body of an upload: one part named <c>file</c> per file, headers in UTF-8. Tells its
/// <see cref="DitioCall"/> whether it can be sent again (not if a part is a forward-only stream).
/// </summary>
internal sealed class UploadContent : MultipartFormDataContent
{
    public UploadContent(
        IEnumerable<DocumentUploadFile> files, DitioCall call, string? boundary = null, ProgressTracker? progress = null, StallWatchdog? watchdog = null)
        : base(boundary ?? NewBoundary())
    {
        // Part headers carry raw UTF-8 file names (RFC 7578); the default would write them as Latin-1.
#if NET
        HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
#endif
        foreach (var file in files)
        {
            var part = new FilePartContent(file, call, progress, watchdog);
            call.IsReplayable &= part.IsReplayable;
            Add(part);
        }
    }

    /// <summary>A boundary of fixed length, so request sizes can be planned before the content exists.</summary>
    public static string NewBoundary() => "ditio-" + Guid.NewGuid().ToString("N");
}

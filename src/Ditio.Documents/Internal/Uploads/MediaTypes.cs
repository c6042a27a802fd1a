namespace Ditio.Documents.Internal.Uploads;

/// <summary>Media types for the file types a document system usually pushes.</summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".rtf"] = "application/rtf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".webp"] = "image/webp",
        [".heic"] = "image/heic",
        [".svg"] = "image/svg+xml",
        [".dwg"] = "image/vnd.dwg",
        [".dxf"] = "image/vnd.dxf",
        [".ifc"] = "application/x-step",
        [".zip"] = "application/zip",
        [".xml"] = "application/xml",
        [".json"] = "application/json",
        [".mp4"] = "video/mp4",
    };

    public static string FromFileName(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName.TrimEnd('.', ' ')), out var type) ? type : OctetStream;
}

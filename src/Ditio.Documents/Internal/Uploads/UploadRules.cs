namespace Ditio.Documents.Internal.Uploads;

/// <summary>Ditio's published upload rules, checked before sending: refused types, SVG size, request size.</summary>
internal static class UploadRules
{
    /// <summary>Returns why Ditio would refuse the file on its own, or <see langword="null"/> if it may go.</summary>
    public static string? Check(DocumentUploadFile file, DitioTransferOptions limits, string boundary)
    {
        var extension = Path.GetExtension(file.FileName.TrimEnd('.', ' '));
        if (limits.RefusedExtensions.Contains(extension))
        {
            return $"'{file.FileName}' has the type {extension.ToLowerInvariant()}, which Ditio refuses (web pages, scripts and executables: {string.Join(' ', limits.RefusedExtensions.Order(StringComparer.OrdinalIgnoreCase))}).";
        }

        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) && file.Length > limits.MaxSvgBytes)
        {
            return $"'{file.FileName}' is an SVG of {file.Length} bytes; Ditio accepts SVG files of at most {limits.MaxSvgBytes} bytes.";
        }

        if (file.Length is { } length && UploadSizing.RequestBytes([(file, length)], boundary) >= limits.MaxRequestBytes)
        {
            return $"'{file.FileName}' is {length} bytes; with the multipart framing its request would be {UploadSizing.RequestBytes([(file, length)], boundary)} bytes, and Ditio refuses requests of {limits.MaxRequestBytes} bytes or more.";
        }

        return null;
    }
}

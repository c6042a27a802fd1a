using System.Text;
using System.Text.RegularExpressions;

namespace Ditio.Documents.Cli.Internal;

/// <summary>
/// A name the server sent, made into a file name that is safe here: no folders, no control or forbidden characters,
/// never a dotfile (so never the sync manifest or another hidden settings file), never a device name, and at most
/// 255 UTF-8 bytes (the extension kept).
/// </summary>
internal static partial class DownloadFileName
{
    private const int MaxBytes = 255;

    public static string? Safe(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim().TrimStart('.', ' ').TrimEnd('.', ' ');
        if (safe.Length == 0)
        {
            return null;
        }

        if (DeviceName().IsMatch(safe))
        {
            safe = "_" + safe;
        }

        return Shorten(safe);
    }

    private static string Shorten(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (Encoding.UTF8.GetByteCount(extension) > 32)
        {
            extension = "";
        }

        var stem = name[..^extension.Length];
        while (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxBytes)
        {
            stem = stem[..^(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? 2 : 1)];
        }

        return stem + extension;
    }

    [GeneratedRegex(@"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeviceName();
}

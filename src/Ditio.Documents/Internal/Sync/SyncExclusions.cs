using System.Text;
using System.Text.RegularExpressions;

namespace Ditio.Documents.Internal.Sync;

/// <summary>
/// Which files a sync leaves out: the default junk (Windows thumbnails, Office and LibreOffice lock files, temporary
/// files, macOS folder data), the manifest and its temporary files, and the caller's glob patterns.
/// </summary>
internal sealed class SyncExclusions
{
    public static readonly string[] DefaultPatterns = ["Thumbs.db", "desktop.ini", ".DS_Store", "~$*", ".~lock.*#", "*.tmp"];

    private readonly List<(string Pattern, Regex Regex, bool Path)> _patterns;
    private readonly string _manifestPath;

    public SyncExclusions(IEnumerable<string> extra, string manifestPath)
    {
        _manifestPath = manifestPath;
        _patterns = [.. DefaultPatterns.Concat(extra).Select(p => (p, ToRegex(p.Trim('/')), p.Trim('/').Contains('/', StringComparison.Ordinal)))];
    }

    /// <summary>Checks the patterns, so a bad one is refused before anything is sent.</summary>
    /// <exception cref="ArgumentException">A pattern is empty.</exception>
    public static void Check(IEnumerable<string>? patterns, string paramName)
    {
        if (patterns is not null && patterns.FirstOrDefault(p => string.IsNullOrWhiteSpace(p?.Trim('/'))) is { } bad)
        {
            throw new ArgumentException($"The exclude pattern '{bad}' is empty: give a glob such as '*.bak' or 'Archive/**'.", paramName);
        }
    }

    /// <summary>Whether the path is the manifest or one of its temporary files: left out without a word.</summary>
    public bool IsManifest(string fullPath) =>
        string.Equals(fullPath, _manifestPath, StringComparison.Ordinal) || fullPath.StartsWith(_manifestPath + ".", StringComparison.Ordinal);

    /// <summary>Why the file is left out, or <see langword="null"/> when it is synced.</summary>
    public string? Reason(string fullPath, string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        foreach (var (pattern, regex, path) in _patterns)
        {
            if (regex.IsMatch(path ? relativePath : name))
            {
                return DefaultPatterns.Contains(pattern, StringComparer.Ordinal) ? $"junk, excluded by default ('{pattern}')" : $"excluded by '{pattern}'";
            }
        }

        return null;
    }

    private static Regex ToRegex(string glob)
    {
        var text = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                text.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(text.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

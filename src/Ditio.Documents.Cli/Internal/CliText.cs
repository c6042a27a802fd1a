using System.Globalization;
using System.Text;

namespace Ditio.Documents.Cli.Internal;

/// <summary>
/// Text from elsewhere (file and document names, server messages) made safe for a terminal: control characters and
/// bidirectional overrides are printed as escapes (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>), so a name can neither
/// move the cursor, recolour the screen, fake a line, nor read backwards.
/// </summary>
internal static class CliText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when c <= '\u00ff' && NeedsEscape(c) => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ when NeedsEscape(c) => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';
}

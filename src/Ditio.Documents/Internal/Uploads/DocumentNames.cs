using System.Text;

namespace Ditio.Documents.Internal.Uploads;

/// <summary>
/// When two document names are the same to Ditio: ignoring case (its replace-by-name does) and Unicode normalisation
/// (macOS writes "Æ" and "é" decomposed, Windows and Ditio's web app composed), so "Ærfugl.pdf" is one name either way.
/// </summary>
internal static class DocumentNames
{
    public static string Key(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate): compared as it is.
            return name.ToUpperInvariant();
        }
    }

    public static bool Same(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);
}

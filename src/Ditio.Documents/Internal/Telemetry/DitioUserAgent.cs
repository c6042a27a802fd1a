using System.Runtime.InteropServices;
using System.Text;

namespace Ditio.Documents.Internal.Telemetry;

/// <summary>
/// The <c>User-Agent</c> of every request, as the Azure SDKs shape it:
/// <c>[application-id ]Ditio.Documents/&lt;version&gt; (&lt;runtime&gt;; &lt;os&gt;)</c>, for example
/// <c>acme-dms/2.1 Ditio.Documents/1.0.0 (.NET 10.0.1; Ubuntu 24.04.3 LTS)</c>. RFC 9110 10.1.5 and 5.6.2: the
/// application id is a token, the runtime and OS a comment (made ASCII, parentheses and backslashes replaced).
/// </summary>
internal static class DitioUserAgent
{
    private static readonly Compat.CharSet TokenChars =
        new Compat.CharSet("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The part every request carries, computed once per process.</summary>
    public static readonly string Sdk = $"Ditio.Documents/{DitioTelemetry.Version} ({Comment(RuntimeInformation.FrameworkDescription)}; {Comment(RuntimeInformation.OSDescription)})";

    /// <summary>The value for a client whose options name <paramref name="applicationId"/> (validated at start-up).</summary>
    public static string For(string? applicationId) =>
        string.IsNullOrEmpty(applicationId) ? Sdk : applicationId + " " + Sdk;

    /// <summary>Whether <paramref name="value"/> is an RFC 9110 token (<c>tchar</c> only): what an application id must be.</summary>
    public static bool IsToken(string value) =>
        value.Length > 0 && TokenChars.ContainsAll(value.AsSpan());

    private static string Comment(string text)
    {
        var comment = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            comment.Append(c switch
            {
                '(' => '[',
                ')' => ']',
                '\\' => '/',
                _ when c < ' ' || c > '~' => '?',
                _ => c,
            });
        }

        return comment.ToString();
    }
}

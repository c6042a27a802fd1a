using System.Net;
using System.Text;
using System.Text.Encodings.Web;

namespace Ditio.Documents.Internal.Calls;

/// <summary>
/// The one place that removes secrets from text a server sent back (error bodies, messages, excerpts) before it reaches
/// an exception, a log line or the command line. It knows the client secret in every form a server could echo it
/// (raw, URL-encoded with either case of hex, form-encoded, JSON- and HTML-escaped, and in the Base64 of
/// <c>id:secret</c> a Basic header carries) and the access tokens this registration was given. Only whole occurrences
/// are replaced (not inside a longer word), so a short secret does not mangle ordinary text.
/// </summary>
internal sealed class SecretScrubber
{
    public const string Mask = "***";
    private const int RememberedTokens = 4;
    /// <summary>Worked out on first use: scrubbing is for failures, and the encoders' start-up should not slow a first call that succeeds.</summary>
    private readonly Lazy<string[]> _secretForms;
    private readonly Lock _gate = new();
    /// <summary>The remembered tokens, newest first, each as its forms, longest first (the token itself first).</summary>
    private string[][] _tokens = [];

    public SecretScrubber(string? clientId, string? clientSecret)
    {
        _secretForms = new(() => string.IsNullOrEmpty(clientSecret) ? [] : FormsOf(clientId ?? "", clientSecret), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Remembers an access token to scrub (the last few, so one renewed a moment ago is still caught), with the forms a
    /// server or proxy could echo it in: raw, URL-encoded, and the Base64 of the token and of its header value.
    /// </summary>
    public void Remember(string token)
    {
        lock (_gate)
        {
            if (_tokens.Any(forms => forms[0] == token))
            {
                return;
            }

            string[] encoded =
            [
                Uri.EscapeDataString(token),
                Convert.ToBase64String(Encoding.UTF8.GetBytes(token)),
                Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer " + token)),
            ];
            string[] forms = [token, .. encoded.Where(f => f != token).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
            _tokens = [forms, .. _tokens.Take(RememberedTokens - 1)];
        }
    }

    /// <summary>The text with every known secret form replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">The text a server sent.</param>
    /// <param name="ignoreCase">Whether to match whatever the case (for text the runtime lower-cased, such as a host name).</param>
    public string? Scrub(string? text, bool ignoreCase = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in _secretForms.Value)
        {
            text = ReplaceWhole(text, form, ignoreCase);
        }

        foreach (var forms in Volatile.Read(ref _tokens))
        {
            foreach (var form in forms)
            {
                text = ReplaceWhole(text, form, ignoreCase);
            }
        }

        return text;
    }

    internal static string[] FormsOf(string clientId, string secret)
    {
        var escaped = Uri.EscapeDataString(secret);
        var forms = new List<string>
        {
            secret,
            escaped,
            escaped.Replace("%20", "+", StringComparison.Ordinal),
            WebUtility.UrlEncode(secret),
            JavaScriptEncoder.Default.Encode(secret),
            JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret),
            HtmlEncoder.Default.Encode(secret),
            WebUtility.HtmlEncode(secret),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{escaped}")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
        };

        // Longest first, so a longer form is masked whole before a shorter one inside it.
        return [.. forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
    }

    /// <summary>
    /// Replaces occurrences of <paramref name="value"/> that do not run on into a letter or digit on either side. A
    /// URL-encoded form matches whatever the case of its hex digits, and any form does when <paramref name="ignoreCase"/>.
    /// </summary>
    internal static string ReplaceWhole(string text, string value, bool ignoreCase = false)
    {
        var comparison = ignoreCase || value.Contains('%', StringComparison.Ordinal) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var at = text.IndexOf(value, comparison);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        for (; at >= 0; at = text.IndexOf(value, at + 1, comparison))
        {
            var end = at + value.Length;
            if (at >= copied && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                result.Append(text, copied, at - copied).Append(Mask);
                copied = end;
            }
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace Ditio.Documents;

/// <summary>The facts of one failed call, gathered before the exception is made.</summary>
internal sealed record DitioApiError(
    DitioFailureKind Kind,
    string Method,
    string Path,
    HttpStatusCode? StatusCode = null,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    string? ResponseExcerpt = null,
    TimeSpan? RetryAfter = null,
    string? Detail = null)
{
    public string ToMessage()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Ditio {Method} {Path} ");
        text.Append(Kind switch
        {
            DitioFailureKind.NoResponse => "failed with no response",
            DitioFailureKind.Timeout => "timed out",
            DitioFailureKind.Unsuccessful => string.Create(CultureInfo.InvariantCulture, $"answered {(int?)StatusCode} but reported failure"),
            DitioFailureKind.InvalidResponse when StatusCode is >= (HttpStatusCode)300 and < (HttpStatusCode)400 =>
                string.Create(CultureInfo.InvariantCulture, $"answered {(int?)StatusCode} {StatusCode}"),
            DitioFailureKind.InvalidResponse => string.Create(CultureInfo.InvariantCulture, $"answered {(int?)StatusCode} with a body that could not be read"),
            _ => string.Create(CultureInfo.InvariantCulture, $"failed with {(int?)StatusCode} {StatusCode}"),
        });
        if (ErrorCode is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $": {ErrorCode}");
        }

        if (ErrorMessage is not null)
        {
            text.Append(ErrorCode is null ? ": " : " - ").Append(ErrorMessage);
        }
        else if (ResponseExcerpt is not null)
        {
            // The message stays one readable line; the whole excerpt is on the exception.
            text.Append(": ").Append(Internal.Errors.ErrorBodyParser.OneLine(ResponseExcerpt));
        }

        if (Detail is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Detail})");
        }

        return text.Length > 0 && text[^1] is '.' or '!' or '?' ? text.ToString() : text.Append('.').ToString();
    }
}

using System.Runtime.CompilerServices;

namespace Ditio.Documents.Internal.Validation;

/// <summary>Checks arguments at the public entry points, before any request is made.</summary>
internal static class Guard
{
    private static readonly char[] ForbiddenIdChars = ['/', '\\', '?', '#', '%'];

    /// <summary>A Ditio id (project, work order, file reference): opaque, but it must be one path segment.</summary>
    public static string Id(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value == "." || value.IndexOfAny(ForbiddenIdChars) >= 0 || value.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The id '{value}' is not valid: a Ditio id must not be '.' or contain '/', '\\', '?', '#', '%' or '..'.", paramName);
        }

        if (value.Any(char.IsControl) || value.Trim().Length != value.Length)
        {
            throw new ArgumentException(
                $"The id '{value}' is not valid: a Ditio id must not contain control characters or leading or trailing whitespace.", paramName);
        }

        return NoLoneSurrogate(value, "id", paramName);
    }

    /// <summary>
    /// Text that goes on the wire as UTF-8 (a path segment, a query value, a file name) must be valid UTF-16: a lone
    /// surrogate has no UTF-8 and would be sent as U+FFFD, which is another value (another document, page or name).
    /// </summary>
    private static string NoLoneSurrogate(string value, string what, string? paramName)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new ArgumentException(
                    $"The {what} is not valid: it has a lone surrogate at index {i} (text that is not valid Unicode), which would be sent as '\uFFFD', another {what}.",
                    paramName);
            }
        }

        return value;
    }

    /// <summary>
    /// A project number: any text (it is sent as one escaped path segment), but not <c>.</c> or <c>..</c>, which a URL
    /// cannot carry as a segment (they would name the parent route).
    /// </summary>
    public static string ProjectNumber(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value is "." or "..")
        {
            throw new ArgumentException($"The project number '{value}' is not valid: it must not be '.' or '..'.", paramName);
        }

        return NoLoneSurrogate(value, "project number", paramName);
    }

    /// <summary>A file name as Ditio stores it: no folders, no control characters.</summary>
    public static string FileName(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The file name '{value}' is not valid: it must not contain a path separator ('/' or '\\').", paramName);
        }

        if (value is "." or ".." || value.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"The file name '{value}' is not valid: it must not be '.' or '..' or contain control characters.", paramName);
        }

        return NoLoneSurrogate(value, "file name", paramName);
    }

    /// <summary>A media type such as <c>application/pdf</c>, or absent.</summary>
    public static string? MediaType(string? value, string paramName)
    {
        if (value is null)
        {
            return null;
        }

        if (!System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(value, out var parsed) || parsed.MediaType is null)
        {
            throw new ArgumentException($"'{value}' is not a media type such as 'application/pdf'.", paramName);
        }

        return parsed.ToString();
    }

    /// <summary>A section name: absent, or not whitespace only.</summary>
    public static string? Section(string? value, string paramName)
    {
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                "The section must not be empty or whitespace: leave it null for Ditio's default page.", paramName);
        }

        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"The section '{value}' must not contain control characters.", paramName);
        }

        return NoLoneSurrogate(value, "section", paramName);
    }

    /// <summary>
    /// Ditio's limit on a folder or page description (its newest notes: 10,000 characters, counted as .NET counts a
    /// string's length); longer text gets a 400, so it is refused before sending.
    /// </summary>
    public const int MaxDescriptionLength = 10_000;

    /// <summary>A description: absent (clears it), or at most <see cref="MaxDescriptionLength"/> characters.</summary>
    public static void Description(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is { Length: > MaxDescriptionLength })
        {
            throw new ArgumentException(
                $"The description has {value.Length} characters, and Ditio refuses more than {MaxDescriptionLength}.", paramName);
        }
    }

    /// <summary>
    /// Ditio documents the description route for projects only (<c>projects/{id}/documents/description</c>), so a work
    /// order is refused rather than sent to a route that may not exist.
    /// </summary>
    public static void DescriptionTarget(DocumentTarget target, [CallerArgumentExpression(nameof(target))] string? paramName = null)
    {
        if (target.Kind != DocumentTargetKind.Project)
        {
            throw new ArgumentException(
                $"Descriptions can be set on projects only: Ditio documents no description route for work orders ({target}). "
                + "A work order's page lives in its project's folder: describe it on the project, with the page's section.",
                paramName);
        }
    }
}

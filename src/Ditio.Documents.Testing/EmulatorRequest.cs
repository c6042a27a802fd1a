namespace Ditio.Documents.Testing;

/// <summary>One request the emulator saw, for assertions: what came in and what went out.</summary>
public sealed record EmulatorRequest
{
    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the path as sent (still escaped), such as <c>/core/api/v4/integration/projects</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query string including <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>Gets a value indicating whether an <c>Authorization</c> header was present (its value is never kept).</summary>
    public required bool HadAuthorization { get; init; }

    /// <summary>Gets the multipart parts of an upload as (part name, file name), in order; empty for other requests.</summary>
    public IReadOnlyList<(string Name, string? FileName)> Parts { get; init; } = [];

    /// <summary>Gets the status code answered, or <see langword="null"/> when the connection was dropped.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the fault injected into this request, if any (for example <c>status 503</c> or <c>drop before body</c>).</summary>
    public string? Fault { get; init; }
}

namespace Ditio.Documents.Testing.Internal;

internal sealed class FaultRule(int count, string? method, string? pathContains, EmulatorFaultKind kind, int statusCode, TimeSpan? retryAfter)
{
    public int Remaining { get; set; } = count;

    public EmulatorFaultKind Kind { get; } = kind;

    public int StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool Matches(string requestMethod, string path) =>
        (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (pathContains is null || path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    public string Describe() => Kind switch
    {
        EmulatorFaultKind.Status => $"status {StatusCode}",
        EmulatorFaultKind.DropBeforeBody => "drop before body",
        EmulatorFaultKind.DropAfterBody => "drop after body",
        _ => "drop after processing",
    };
}

namespace Ditio.Documents.Internal.Http;

/// <summary>Keys of the request options the facade sets for the handlers below it.</summary>
internal static class DitioRequestOptions
{
    /// <summary>Marks an upload or download: no per-attempt or total timeout, the caller's cancellation rules.</summary>
    public const string TransferKey = "Ditio.Transfer";

    /// <summary>Counts the attempts of one request, for logging.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("Ditio.Attempt");

    public static bool IsTransfer(HttpRequestMessage request) =>
        ((IDictionary<string, object?>)request.Options).TryGetValue(TransferKey, out var value) && value is true;

    /// <summary>Whether the body can be sent again from the start (false for a forward-only stream).</summary>
    public static bool IsReplayable(HttpRequestMessage request) =>
        request.Content is not IDitioRequestContent content || content.IsReplayable;

    /// <summary>
    /// Whether a retry can never store a second copy. Only an upload that does not replace by name can; lookups,
    /// listings, deletes and token requests are safe to repeat.
    /// </summary>
    public static bool IsIdempotent(HttpRequestMessage request) =>
        request.Content is not IDitioRequestContent content || content.IsIdempotent;
}

namespace Ditio.Documents;

/// <summary>What kind of failure a <see cref="DitioApiException"/> reports.</summary>
public enum DitioFailureKind
{
    /// <summary>Ditio answered with an error status code (4xx or 5xx).</summary>
    ErrorResponse = 0,

    /// <summary>Ditio answered 2xx but reported failure in the body (<c>"successful": false</c>).</summary>
    Unsuccessful = 1,

    /// <summary>No response arrived: the connection was refused, reset or dropped, or the name did not resolve.</summary>
    NoResponse = 2,

    /// <summary>
    /// No complete answer arrived in time: the attempt or total timeout of <see cref="DitioRetryOptions"/> (which cover the
    /// answer's body too), or a transfer that moved no byte for <see cref="DitioTransferOptions.StallTimeout"/>.
    /// </summary>
    Timeout = 3,

    /// <summary>
    /// Ditio answered with something the client does not take: a 2xx body that is not the JSON expected or was cut short,
    /// an answer longer than <see cref="DitioDocumentsOptions.MaxResponseBytes"/>, or a redirect (never followed).
    /// </summary>
    InvalidResponse = 4,

    /// <summary>
    /// Ditio answered 403: the project, work order or document belongs to another company, or the API client may not
    /// use it. Not a "not found" (<see cref="DitioApiException.IsNotFound"/> is only for 404).
    /// </summary>
    Forbidden = 5,
}

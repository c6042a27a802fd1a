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

    /// <summary>No response arrived in time (the attempt or total timeout of <see cref="DitioRetryOptions"/>).</summary>
    Timeout = 3,

    /// <summary>Ditio answered 2xx with a body the client could not read (not JSON, wrong shape, or cut short).</summary>
    InvalidResponse = 4,
}

namespace Ditio.Documents;

/// <summary>The base of every exception the Ditio client throws for a failed call; catch it to handle them all.</summary>
/// <remarks>Messages never contain a client secret or an access token.</remarks>
public abstract class DitioException : Exception
{
    private protected DitioException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets the id of the failed request, to quote to Ditio's support or to find the call in a trace: the id the server
    /// sent (the first of the <c>x-request-id</c>, <c>request-id</c> and <c>x-correlation-id</c> headers, else the trace
    /// id of a W3C <c>traceresponse</c> or <c>traceparent</c> header), else the W3C trace id of the operation's span (or
    /// of the activity current when it failed).
    /// </summary>
    /// <value><see langword="null"/> when the server sent none and no trace was active.</value>
    public string? RequestId { get; internal set; }

    /// <summary>
    /// Gets the public operation that failed: <c>GetProjects</c>, <c>FindProjectByNumber</c>, <c>GetWorkOrders</c>,
    /// <c>GetPages</c>, <c>Upload</c> (each request of a batch or a sync too), <c>Download</c>, <c>Delete</c> or
    /// <c>SetDescription</c>. A token failure carries the operation that needed the token.
    /// </summary>
    /// <value>The same name as the <c>ditio.operation.name</c> attribute of the operation's span and metrics.</value>
    public string? Operation { get; internal set; }
}

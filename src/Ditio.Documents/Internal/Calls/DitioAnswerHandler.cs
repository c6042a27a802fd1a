namespace Ditio.Documents.Internal.Calls;

/// <summary>
/// Each attempt of a call, just under the retry and timeout handler: counts the attempt on the <see cref="DitioCall"/>,
/// and reads the answer's body whole (<see cref="AnswerReader"/>, kept on the call) under the attempt's own cancellation, so the attempt
/// and total timeouts cover the whole exchange, body included, and no answer is longer than the call's cap.
/// A download's successful body is left to stream (its stall watchdog guards it).
/// </summary>
internal sealed class DitioAnswerHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = DitioCall.Of(request);
        call?.BeginAttempt(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (call is not null)
        {
            call.AnswerHeaders = response.Headers;
        }

        if (call is null || !call.BuffersAnswer(response))
        {
            return response;
        }

        try
        {
            await AnswerReader.ReadAsync(response.Content, response.StatusCode, call, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

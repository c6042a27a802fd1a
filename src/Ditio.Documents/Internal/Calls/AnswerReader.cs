using System.Buffers;
using System.Net;

namespace Ditio.Documents.Internal.Calls;

/// <summary>
/// Reads an answer body whole into a pooled buffer, up to a cap, so that its reading is bounded in time (it runs under
/// the attempt's timeout) and in memory (a server streaming forever costs at most the cap). The bytes are kept on the
/// <see cref="DitioCall"/> (<see cref="DitioCall.Answer"/>), which gives the buffer back to the pool when it is done.
/// </summary>
internal static class AnswerReader
{
    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>Reads <paramref name="content"/> whole into the call, or fails with a <see cref="DitioAnswerException"/> past the cap or when it breaks off.</summary>
    public static async Task ReadAsync(HttpContent content, HttpStatusCode status, DitioCall call, CancellationToken cancellationToken)
    {
        var maxBytes = call.MaxAnswerBytes;
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw DitioAnswerException.TooLarge(status, maxBytes, declared);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(declared is >= 0 and < FirstBufferBytes ? (int)declared + 1 : FirstBufferBytes);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw DitioAnswerException.TooLarge(status, maxBytes, declared);
                    }

                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, maxBytes);
                    }
                }
            }

            call.KeepAnswer(buffer, length);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw DitioAnswerException.BrokenOff(status, length, ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, long maxBytes)
    {
        // One byte past the cap is enough to know the answer is too large.
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

using System.Buffers;
using System.Net;

namespace Ditio.Documents.Internal.Calls;

/// <summary>
/// An answer body read whole into a pooled buffer, up to a cap, so that its reading is bounded in time (it runs under
/// the attempt's timeout) and in memory (a server streaming forever costs at most the cap). Replaces the response's
/// content; the buffer goes back to the pool when the response is disposed.
/// </summary>
internal sealed class BufferedAnswer : HttpContent
{
    private const int FirstBufferBytes = 16 * 1024;
    private byte[]? _buffer;
    private readonly int _length;

    private BufferedAnswer(byte[] buffer, int length, HttpContent original)
    {
        _buffer = buffer;
        _length = length;
        foreach (var header in original.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Gets the body's bytes.</summary>
    public ReadOnlySpan<byte> Body => _buffer is { } buffer ? buffer.AsSpan(0, _length) : throw new ObjectDisposedException(nameof(BufferedAnswer));

    /// <summary>Reads <paramref name="content"/> whole, or fails with a <see cref="DitioAnswerException"/> past <paramref name="maxBytes"/> or when it breaks off.</summary>
    public static async Task<BufferedAnswer> ReadAsync(HttpContent content, HttpStatusCode status, long maxBytes, CancellationToken cancellationToken)
    {
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

            return new BufferedAnswer(buffer, length, content);
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

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length)).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_buffer ?? [], 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
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

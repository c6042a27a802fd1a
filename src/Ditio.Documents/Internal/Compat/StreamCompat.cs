#if !NET
using System.Buffers;
using System.Runtime.InteropServices;

namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the span, memory and async-dispose members of <see cref="Stream"/>.</summary>
internal static class StreamCompat
{
    extension(Stream stream)
    {
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
            {
                return new ValueTask<int>(stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
            }

            return ReadRentedAsync(stream, buffer, cancellationToken);
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            MemoryMarshal.TryGetArray(buffer, out var segment)
                ? new ValueTask(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken))
                : new ValueTask(stream.WriteAsync(buffer.ToArray(), 0, buffer.Length, cancellationToken));

        public int Read(Span<byte> buffer)
        {
            var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                var read = stream.Read(rented, 0, buffer.Length);
                rented.AsSpan(0, read).CopyTo(buffer);
                return read;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        public ValueTask DisposeAsync()
        {
            stream.Dispose();
            return default;
        }

        /// <summary>Lets <c>await using (stream.ConfigureAwait(false))</c> compile where a stream is not <see cref="IAsyncDisposable"/>.</summary>
        public System.Runtime.CompilerServices.ConfiguredAsyncDisposable ConfigureAwait(bool continueOnCapturedContext) =>
            ((IAsyncDisposable)new AsyncDisposer(stream)).ConfigureAwait(continueOnCapturedContext);
    }

    private static async ValueTask<int> ReadRentedAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = await stream.ReadAsync(rented, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            rented.AsMemory(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private sealed class AsyncDisposer(Stream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stream.Dispose();
            return default;
        }
    }
}
#endif

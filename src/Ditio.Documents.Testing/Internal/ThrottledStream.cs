namespace Ditio.Documents.Testing.Internal;

/// <summary>Moves bytes no faster than a rate, reading from or writing to an inner stream in small pieces.</summary>
internal sealed class ThrottledStream(Stream inner, Func<long?> bytesPerSecond) : Stream
{
    private const int Piece = 8 * 1024;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var rate = bytesPerSecond();
        var read = await inner.ReadAsync(rate is null ? buffer : buffer[..Math.Min(buffer.Length, Piece)], cancellationToken);
        await PauseAsync(read, rate, cancellationToken);
        return read;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var rate = bytesPerSecond();
            var piece = rate is null ? buffer : buffer[..Math.Min(buffer.Length, Piece)];
            await inner.WriteAsync(piece, cancellationToken);
            await inner.FlushAsync(cancellationToken);
            await PauseAsync(piece.Length, rate, cancellationToken);
            buffer = buffer[piece.Length..];
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static Task PauseAsync(int bytes, long? rate, CancellationToken cancellationToken) =>
        rate is > 0 && bytes > 0 ? Task.Delay(TimeSpan.FromSeconds((double)bytes / rate.Value), cancellationToken) : Task.CompletedTask;
}

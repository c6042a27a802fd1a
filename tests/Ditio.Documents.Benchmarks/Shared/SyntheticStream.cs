namespace Ditio.Documents.Benchmarks.Shared;

/// <summary>
/// A read-only, seekable stream of a known length whose bytes come from a fixed 64 KB pattern: a file without a disk.
/// Uploads see a true <see cref="Length"/> (so requests carry Content-Length and batches are planned exactly as for
/// files on disk) and can rewind it, yet nothing is held in memory and no disk I/O competes with the transfer.
/// </summary>
internal sealed class SyntheticStream(long length) : Stream
{
    private static readonly byte[] Pattern = CreatePattern();
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        var written = 0;
        while (written < count)
        {
            var offset = (int)((_position + written) % Pattern.Length);
            var n = Math.Min(count - written, Pattern.Length - offset);
            Pattern.AsSpan(offset, n).CopyTo(buffer[written..]);
            written += n;
        }

        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] CreatePattern()
    {
        var pattern = new byte[64 * 1024];
        new Random(42).NextBytes(pattern);
        return pattern;
    }
}

using System.Net.Sockets;
using System.Text;

namespace Ditio.Documents.IntegrationTests.Samples;

/// <summary>
/// The primary handler of the sample's Ditio HttpClients: a <see cref="SocketsHttpHandler"/> whose connections count
/// the bytes written and keep the head (request line and headers) of every request sent.
/// </summary>
public sealed class TransportProbe
{
    private static readonly byte[][] Methods = [.. new[] { "GET ", "POST ", "PUT ", "DELETE " }.Select(Encoding.ASCII.GetBytes)];
    private readonly Lock _gate = new();
    private readonly List<string> _requestHeads = [];
    private readonly List<(long Bytes, TaskCompletionSource Signal)> _waiters = [];
    private long _bytesSent;

    /// <summary>Gets how many bytes the sample has written to Ditio (the emulator), headers included.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Gets the request line and headers of every request the sample sent, oldest first.</summary>
    public IReadOnlyList<string> RequestHeads
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestHeads];
            }
        }
    }

    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler { ConnectCallback = ConnectAsync };

    /// <summary>Completes when at least <paramref name="bytes"/> bytes in all have been written.</summary>
    public Task WhenSentAsync(long bytes)
    {
        lock (_gate)
        {
            if (_bytesSent >= bytes)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((bytes, signal));
            return signal.Task;
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new CountingStream(new NetworkStream(socket, ownsSocket: true), this);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void OnWrite(ReadOnlySpan<byte> data)
    {
        // A request's head starts a write: the connection's buffer is empty when a request begins.
        string? head = null;
        foreach (var method in Methods)
        {
            if (data.StartsWith(method))
            {
                var end = data.IndexOf("\r\n\r\n"u8);
                head = Encoding.Latin1.GetString(end < 0 ? data : data[..end]);
                break;
            }
        }

        lock (_gate)
        {
            if (head is not null)
            {
                _requestHeads.Add(head);
            }

            _bytesSent += data.Length;
            foreach (var waiter in _waiters.Where(w => _bytesSent >= w.Bytes).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    private sealed class CountingStream(Stream inner, TransportProbe probe) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            probe.OnWrite(buffer.AsSpan(offset, count));
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            probe.OnWrite(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

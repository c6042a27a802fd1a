using System.Text;
using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>Raw servers that misbehave in one way each, with a signal per request that arrives.</summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RawHttpServer _server;
    private long _bytesWritten;

    private HostileServer(Func<HostileServer, RawRequest, Stream, CancellationToken, Task> respond)
    {
        _server = new RawHttpServer((request, stream, ct) =>
        {
            _arrivals.Release();
            return respond(this, request, stream, ct);
        });
    }

    public static TimeSpan Cap { get; } = TimeSpan.FromSeconds(30);

    public Uri BaseUri => _server.BaseUri;

    public IReadOnlyCollection<RawRequest> Requests => _server.Requests;

    /// <summary>Gets the body bytes the server managed to write before the client went away.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Sends the status line, the headers and the start of a body, then nothing more: a drip that never ends.</summary>
    public static HostileServer Dripping(string bodyStart, long? contentLength = 100_000) => new(async (self, _, stream, ct) =>
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, contentLength, ("Content-Type", "application/json"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(bodyStart), ct);
        await stream.FlushAsync(ct);
        await self._release.Task.WaitAsync(ct);
    });

    /// <summary>Answers 200 with a body that never ends (no length, 64 KiB at a time) until the client hangs up.</summary>
    public static HostileServer Endless(string bodyStart) => new(async (self, _, stream, ct) =>
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, null, ("Content-Type", "application/json"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(bodyStart), ct);
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",", 2048)));
        while (!ct.IsCancellationRequested)
        {
            await stream.WriteAsync(chunk, ct);
            Interlocked.Add(ref self._bytesWritten, chunk.Length);
        }
    });

    /// <summary>Reads the request, then says nothing until the test ends.</summary>
    public static HostileServer Silent() => new((self, _, _, ct) => self._release.Task.WaitAsync(ct));

    /// <summary>Answers each request with the next responder; the last one repeats.</summary>
    public static HostileServer Sequence(params Func<Stream, CancellationToken, Task>?[] responders)
    {
        var count = 0;
        return new((self, _, stream, ct) =>
        {
            var n = Interlocked.Increment(ref count);
            var respond = responders[Math.Min(n, responders.Length) - 1];
            return respond is null ? self._release.Task.WaitAsync(ct) : respond(stream, ct);
        });
    }

    /// <summary>A responder for <see cref="Sequence"/> that never answers.</summary>
    public static Func<Stream, CancellationToken, Task>? Hang => null;

    /// <summary>A responder for <see cref="Sequence"/> that starts a token answer and never finishes it.</summary>
    public static Func<Stream, CancellationToken, Task> DripToken => async (stream, ct) =>
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, 1000, ("Content-Type", "application/json"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"access_token\":\"eyJ"), ct);
        await stream.FlushAsync(ct);
        await Task.Delay(Timeout.Infinite, ct);
    };

    /// <summary>A responder for <see cref="Sequence"/> that hands out a token.</summary>
    public static Func<Stream, CancellationToken, Task> Token(string token, string expiresIn = "1800") =>
        (stream, _) => RawHttpServer.WriteJsonAsync(stream, 200, $$"""{"access_token":"{{token}}","expires_in":{{expiresIn}},"token_type":"Bearer"}""");

    public async Task ArrivalAsync() => Assert.True(await _arrivals.WaitAsync(Cap), "the request never reached the server");

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
        _arrivals.Dispose();
    }
}

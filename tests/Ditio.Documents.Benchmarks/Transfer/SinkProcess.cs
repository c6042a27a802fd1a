using System.Diagnostics;
using Ditio.Documents.Benchmarks.Sink;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>The sink server in a process of its own, so its work and memory are never counted as the client's.</summary>
internal sealed class SinkProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SinkProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SinkProcess> StartAsync()
    {
        var process = ChildProcess.Start("sink");
        try
        {
            var address = await ChildProcess.WaitForLineAsync(process, SinkServer.ReadyPrefix, TimeSpan.FromSeconds(60));
            return new SinkProcess(process, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing its standard input stops the sink; it gets ten seconds before it is killed.
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}

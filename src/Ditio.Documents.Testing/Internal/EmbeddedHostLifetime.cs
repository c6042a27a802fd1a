using Microsoft.Extensions.Hosting;

namespace Ditio.Documents.Testing.Internal;

/// <summary>A host lifetime that listens to no signal: the process that embeds the emulator decides when it stops.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

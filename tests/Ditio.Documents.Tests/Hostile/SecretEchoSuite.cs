using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// What the two secret suites (<see cref="SecretLeakTests"/>, <see cref="AttackSecretTests"/>) share: the secret, a
/// Ditio on WireMock to echo it, the logs to search, the project and the route they call.
/// </summary>
public abstract class SecretEchoSuite : IDisposable
{
    /// <summary>A secret with characters every encoding treats differently (slash, plus, space, ampersand, non-ASCII).</summary>
    protected const string Secret = "Ops/Secret+Key 2026&ÆØ!";

    protected static readonly TimeSpan Cap = HostileServer.Cap;

    protected static readonly string PagesPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";

    protected DitioWireMock Ditio { get; } = new();

    protected RecordingLoggerProvider Logs { get; } = new();

    protected DocumentTarget ProjectTarget { get; } = DocumentTarget.Project(DitioWireMock.ProjectId);

    public void Dispose()
    {
        Ditio.Dispose();
        GC.SuppressFinalize(this);
    }
}

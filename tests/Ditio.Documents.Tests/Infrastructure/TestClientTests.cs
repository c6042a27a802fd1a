using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests;

/// <summary>The suite's clients are made the way its build says: through dependency injection, or with Create (tests/Ditio.Documents.Tests.Create).</summary>
public sealed class TestClientTests : IDisposable
{
    private readonly DitioWireMock _mock = new();

    [Fact]
    public void ADefaultTestClient_IsMadeTheWayThisBuildSays()
    {
        using var sdk = new TestClient(_mock);
#if DITIO_TESTS_CREATE
        Assert.Throws<InvalidOperationException>(() => sdk.Services);
#else
        Assert.IsType<DitioDocumentsClient>(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IDitioDocumentsClient>(sdk.Services));
#endif
    }

    public void Dispose() => _mock.Dispose();
}

using System.Net;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Faults;

/// <summary>What the exceptions and the emulator's journal report about a fault, beyond the matrix's outcome.</summary>
public sealed class FaultReportingTests : IDisposable
{
    private readonly TestFiles _files = new();

    [Theory]
    [InlineData(MatrixOperation.GetPages)]
    [InlineData(MatrixOperation.Delete)]
    [InlineData(MatrixOperation.UploadWithReplace)]
    public Task DroppedConnection_TheErrorNamesTheFullRequestPath(MatrixOperation operation) => AssertDropNamesFullPathAsync(operation);

    [Fact]
    public Task Download_DroppedConnection_TheErrorNamesTheFullRequestPath() => AssertDropNamesFullPathAsync(MatrixOperation.Download);

    private async Task AssertDropNamesFullPathAsync(MatrixOperation operation)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        var scenario = await FaultScenario.PrepareAsync(sdk, _files, operation);
        scenario.Inject(MatrixFault.DropBeforeBody, 1 + FaultMatrix.MaxRetryAttempts);

        var error = await Assert.ThrowsAsync<DitioApiException>(scenario.RunAsync);

        Assert.Equal(DitioFailureKind.NoResponse, error.Kind);
        Assert.StartsWith($"/core/api/v4/integration/projects/{DitioEmulator.SampleProjectId}/documents", error.RequestPath, StringComparison.Ordinal);
        Assert.Contains($" {error.RequestPath} ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task TokenRoute_ServerErrorWithAJsonBody_TheErrorNamesTheStatus_AndIsNoOAuthError(int status)
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        sdk.Emulator.Faults.FailNext(1 + FaultMatrix.MaxRetryAttempts, "POST", "connect/token", status);

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync());

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Null(error.OAuthError);
    }

    [Fact]
    public async Task Journal_HoldsEveryAttempt_AsSoonAsTheCallReturns()
    {
        await using var sdk = await EmulatorSdk.StartAsync();
        Assert.NotEmpty(await sdk.Client.GetProjectsAsync());
        for (var i = 1; i <= 20; i++)
        {
            sdk.Emulator.Faults.DropNext(1, "GET", "/integration/projects", EmulatorFaultKind.DropAfterProcessing);

            Assert.NotEmpty(await sdk.Client.GetProjectsAsync());

            // Two GETs per round: the dropped one, then its retry, in the order they arrived.
            var gets = sdk.Emulator.Journal.Where(e => e.Method == "GET").Select(e => e.Fault).ToList();
            Assert.Equal(1 + (2 * i), gets.Count);
            Assert.Equal(new[] { "drop after processing", null }, gets.TakeLast(2));
        }
    }

    public void Dispose() => _files.Dispose();
}

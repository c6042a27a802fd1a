using System.Net;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Faults;

/// <summary>
/// A wrong client secret: one token request per call (an OAuth refusal is not retried, and not cached either), no API
/// request at all, and an error that names <c>invalid_client</c> and the client id but never the secret. The journal is
/// read after the emulator has stopped, when every request has been written to it.
/// </summary>
public sealed class BadCredentialsTests
{
    private const string WrongSecret = "wrong-secret-7Qx2Vb9z";

    [Fact]
    public async Task WrongSecret_OneTokenRequest_NoApiRequest_AndAnErrorNamingInvalidClientButNotTheSecret()
    {
        var sdk = await StartAsync();
        DitioAuthenticationException error;
        try
        {
            error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync());
        }
        finally
        {
            await sdk.DisposeAsync();
        }

        Assert.Equal("invalid_client", error.OAuthError);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(sdk.Emulator.ClientId, error.ClientId);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains(sdk.Emulator.ClientId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, error.OAuthErrorDescription ?? "", StringComparison.Ordinal);

        var request = Assert.Single(sdk.Emulator.Journal);
        Assert.Equal(("POST", FaultScenario.TokenPath, 400), (request.Method, request.Path, request.StatusCode));
        Assert.Equal(0, sdk.Emulator.TokensIssued);
    }

    [Fact]
    public async Task WrongSecret_ASecondCall_AsksOnceMore_FailuresAreNotCached()
    {
        var sdk = await StartAsync();
        using var files = new TestFiles();
        try
        {
            var first = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync());
            var second = await Assert.ThrowsAsync<DitioAuthenticationException>(
                () => sdk.Client.UploadFileAsync(sdk.Project, files.Write("Plan.pdf", 1_000)));
            Assert.Equal(("invalid_client", "invalid_client"), (first.OAuthError, second.OAuthError));
        }
        finally
        {
            await sdk.DisposeAsync();
        }

        Assert.Equal([FaultScenario.TokenPath, FaultScenario.TokenPath], sdk.Emulator.Journal.Select(e => e.Path));
        Assert.Empty(sdk.Emulator.GetDocuments());
    }

    [Fact]
    public async Task WrongSecret_ABurstOfCalls_NeverMoreThanOneTokenRequestPerCall()
    {
        const int Calls = 8;
        var sdk = await StartAsync();
        DitioAuthenticationException?[] errors;
        try
        {
            errors = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
            {
                var call = (i % 3) switch
                {
                    0 => sdk.Client.GetProjectsAsync(),
                    1 => sdk.Client.GetPagesAsync(sdk.Project),
                    _ => (Task)sdk.Client.GetWorkOrdersAsync(DitioEmulator.SampleProjectId),
                };
                return await Record.ExceptionAsync(() => call) as DitioAuthenticationException;
            }));
        }
        finally
        {
            await sdk.DisposeAsync();
        }

        Assert.All(errors, e => Assert.Equal("invalid_client", e?.OAuthError));
        var journal = sdk.Emulator.Journal;
        Assert.All(journal, e => Assert.Equal((FaultScenario.TokenPath, 400), (e.Path, e.StatusCode)));
        Assert.InRange(journal.Count, 1, Calls);
    }

    private static Task<EmulatorSdk> StartAsync() => EmulatorSdk.StartAsync(o => o.ClientSecret = WrongSecret);
}

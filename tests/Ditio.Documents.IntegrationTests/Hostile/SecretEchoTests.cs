using System.Net;
using Ditio.Documents.IntegrationTests.Cli;
using Ditio.Documents.IntegrationTests.Samples;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Hostile;

/// <summary>
/// Rule 6 end to end: an API that echoes the client secret (in every form) gets it into neither the CLI's output,
/// verbose included, nor the ASP.NET sample's problem details. The token comes from the emulator; the API is hostile.
/// </summary>
public sealed class SecretEchoTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task Cli_ApiEchoesTheSecret_NoOutputHoldsIt(int status)
    {
        await using var emulator = await DitioEmulator.StartAsync();
        await using var hostile = await SecretEchoServer.StartAsync(emulator.ClientId, emulator.ClientSecret, status);
        var environment = DitioDocsProcess.EnvironmentFor(emulator);
        environment["DITIO_API_BASE"] = hostile.ApiBaseUrl.AbsoluteUri;

        var run = await DitioDocsProcess.RunAsync(environment, workingDirectory: null, "ls", $"id:{DitioEmulator.SampleProjectId}", "--verbose");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("***", run.Stderr, StringComparison.Ordinal);
        foreach (var form in hostile.Forms)
        {
            Assert.DoesNotContain(form, run.Stdout + run.Stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task AspNetSample_ApiEchoesTheSecret_TheProblemDoesNotHoldIt(int status)
    {
        await using var emulator = await DitioEmulator.StartAsync();
        await using var hostile = await SecretEchoServer.StartAsync(emulator.ClientId, emulator.ClientSecret, status);
        await using var host = await AspNetSampleHost.StartAsync(settings =>
        {
            settings["Ditio:IdentityBaseUrl"] = emulator.IdentityBaseUrl.AbsoluteUri;
            settings["Ditio:ClientId"] = emulator.ClientId;
            settings["Ditio:ClientSecret"] = emulator.ClientSecret;
            settings["Ditio:ApiBaseUrl"] = hostile.ApiBaseUrl.AbsoluteUri;
        });

        using var response = await host.Http.GetAsync($"/projects/{Uri.EscapeDataString(DitioEmulator.SampleProjectNumber)}/pages");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.BadRequest, body);
        foreach (var form in hostile.Forms)
        {
            Assert.DoesNotContain(form, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}

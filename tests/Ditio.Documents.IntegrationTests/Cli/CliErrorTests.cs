using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>ditio-docs exit codes 2 and 3 as a real process: one readable line on stderr, a stack trace only with --verbose.</summary>
public sealed class CliErrorTests
{
    [Fact]
    public async Task UnknownProjectNumber_ExitCode2_OneLineOnStderr_NoStackTrace()
    {
        await using var emulator = await DitioEmulator.StartAsync();

        var run = await DitioDocsProcess.RunAsync(emulator, "ls", "P-1999-404");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            "ditio-docs: error: No project has the number 'P-1999-404' (or it is not your company's): see 'ditio-docs projects'.",
            Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task WrongSecret_ExitCode3_NamesInvalidClientButNeverTheSecret_AndVerboseAddsTheStackTrace()
    {
        const string wrongSecret = "wrong-secret-Zq81";
        await using var emulator = await DitioEmulator.StartAsync();
        var environment = DitioDocsProcess.EnvironmentFor(emulator, secret: wrongSecret);

        var run = await DitioDocsProcess.RunAsync(environment, workingDirectory: null, "projects");
        var verbose = await DitioDocsProcess.RunAsync(environment, workingDirectory: null, "projects", "--verbose");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ditio-docs: error: authentication failed:", line, StringComparison.Ordinal);
        Assert.Contains("invalid_client", line, StringComparison.Ordinal);
        Assert.Equal(3, verbose.ExitCode);
        Assert.Contains("DitioAuthenticationException", verbose.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, run.Stderr + verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCredentials_ExitCode2_NamesTheVariables()
    {
        var none = await DitioDocsProcess.RunBareAsync("projects");
        var half = await DitioDocsProcess.RunAsync(new Dictionary<string, string> { ["DITIO_CLIENT_ID"] = "me", ["DITIO_ENVIRONMENT"] = "Staging" }, workingDirectory: null, "projects");

        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("ditio-docs: error: DITIO_CLIENT_ID and DITIO_CLIENT_SECRET must be set", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, half.ExitCode);
        Assert.Contains("DITIO_CLIENT_SECRET must be set", half.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("DITIO_CLIENT_ID and", half.Stderr, StringComparison.Ordinal);
        Assert.Contains("DITIO_ENVIRONMENT 'Staging' is not valid: use Test or Production", half.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettingTheSdkRefuses_ExitCode2_NamesTheVariable()
    {
        var environment = new Dictionary<string, string>
        {
            ["DITIO_CLIENT_ID"] = "me",
            ["DITIO_CLIENT_SECRET"] = "secret",
            ["DITIO_API_BASE"] = "http://ditio.example.com/core",
            ["DITIO_IDENTITY_BASE"] = "https://identity.example.com",
        };

        var run = await DitioDocsProcess.RunAsync(environment, workingDirectory: null, "projects");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("DITIO_API_BASE 'http://ditio.example.com/core' must use https://", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("push", "P-2026-001")]
    [InlineData("ls", "wo:")]
    [InlineData("projects", "--no-such-option")]
    [InlineData("get", "P-2026-001", "abc", "--output")]
    public async Task BadArguments_ExitCode2_WithWhereToLook(params string[] args)
    {
        var run = await DitioDocsProcess.RunBareAsync(args);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^ditio-docs: error: .+ See 'ditio-docs \w+ --help'\.$", line);
    }
}

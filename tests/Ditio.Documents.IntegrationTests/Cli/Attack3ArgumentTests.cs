namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>
/// Attack3: a number option given something that is not a number (or too large for one) crashed ditio-docs with an
/// unhandled InvalidOperationException, exit 134 (SIGABRT) and a stack trace: the range validators read the value
/// before System.CommandLine had reported that it could not convert it. Bad input gets one line and exit code 2.
/// </summary>
public sealed class Attack3ArgumentTests
{
    [Theory]
    [InlineData("--parallel", "push", "P-2026-001", "a.pdf", "--parallel", "abc")]
    [InlineData("--parallel", "sync", ".", "P-2026-001", "--parallel", "99999999999")]
    [InlineData("--max-delete", "sync", ".", "P-2026-001", "--max-delete", "x")]
    [InlineData("--port", "emulator", "--port", "x")]
    public async Task NumberOptionNotANumber_ExitCode2_OneLineNamingTheOption_NoStackTrace(string option, params string[] args)
    {
        var run = await DitioDocsProcess.RunBareAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ditio-docs: error: ", line, StringComparison.Ordinal);
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }
}

using System.CommandLine;

namespace Ditio.Documents.Cli.Internal;

/// <summary>Runs a command's body with a <see cref="CliContext"/>, and reports whatever it throws as an exit code.</summary>
internal static class CliRunner
{
    public static void SetCliAction(this Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, Func<CliContext, ParseResult, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var context = new CliContext(parse);
        try
        {
            return await body(context, parse, cancellationToken);
        }
#pragma warning disable CA1031 // The one place every failure becomes an exit code and a line on stderr.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return CliErrors.Report(exception, context.Verbose, Console.Error);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}

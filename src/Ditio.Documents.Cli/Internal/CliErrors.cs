using Microsoft.Extensions.Options;

namespace Ditio.Documents.Cli.Internal;

/// <summary>Turns an exception into an exit code and one readable line on stderr (the stack trace only with --verbose).</summary>
internal static class CliErrors
{
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        var (code, message) = Describe(exception);
        error.WriteLine($"ditio-docs: error: {CliText.Escape(OneLine(message))}");
        if (verbose)
        {
            foreach (var line in exception.ToString().Split('\n'))
            {
                error.WriteLine(CliText.Escape(line.TrimEnd('\r')));
            }
        }

        return code;
    }

    public static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        CliUsageException usage => (ExitCodes.Usage, usage.Message),
        OptionsValidationException options => (ExitCodes.Usage, DitioSettings.Rename(options)),
        ArgumentException argument => (ExitCodes.Usage, WithoutParameter(argument)),
        DitioAuthenticationException { StatusCode: null or >= System.Net.HttpStatusCode.InternalServerError } unreachable =>
            (ExitCodes.Failed, $"no token from the identity server (not reachable, or failing; try again later): {unreachable.Message}"),
        DitioAuthenticationException auth => (ExitCodes.Authentication, $"authentication failed: {auth.Message}"),
        DitioSyncManifestException manifest => (ExitCodes.Failed, manifest.Message),
        FileExistsException exists => (ExitCodes.Failed, exists.Message),
        DitioApiException { IsNotFound: true } or DitioApiException { Kind: DitioFailureKind.Forbidden } => (ExitCodes.Usage, $"not found: {exception.Message}"),
        DitioApiException api => (ExitCodes.Failed, api.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
        IOException or UnauthorizedAccessException => (ExitCodes.Failed, exception.Message),
        _ => (ExitCodes.Failed, $"unexpected {exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>An exception's message for a per-file line: one line, without ArgumentException's "(Parameter 'x')".</summary>
    public static string MessageOf(Exception exception) =>
        OneLine(exception is ArgumentException argument ? WithoutParameter(argument) : exception.Message);

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string WithoutParameter(ArgumentException exception) =>
        exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : exception.Message;
}

namespace Ditio.Documents.Cli.Internal;

/// <summary>What <c>ditio-docs</c> exits with; documented in <c>--help</c> and docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Authentication = 3;
    public const int Cancelled = 130;

    public const string HelpText = """
        Exit codes:
          0    all done
          1    some files failed or were conflicts, a delete was refused, a sync manifest does not belong
               or is corrupt, get would overwrite a file, or Ditio (API or identity server) failed or
               could not be reached
          2    usage or configuration error (bad arguments, unknown options, missing DITIO_* settings),
               or the project, work order or document was not found
          3    authentication error: Ditio refused the client id and secret
          130  cancelled (Ctrl+C or SIGTERM)
        """;
}

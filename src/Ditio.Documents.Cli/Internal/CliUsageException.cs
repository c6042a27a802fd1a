namespace Ditio.Documents.Cli.Internal;

/// <summary>A usage or configuration error, or a target that does not exist: exit code 2, the message on stderr.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Ditio.Documents.Cli.Internal;

/// <summary>A command would overwrite an existing file without <c>--overwrite</c>: exit code 1, the file untouched.</summary>
internal sealed class FileExistsException : Exception
{
    public FileExistsException()
    {
    }

    public FileExistsException(string message)
        : base(message)
    {
    }

    public FileExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

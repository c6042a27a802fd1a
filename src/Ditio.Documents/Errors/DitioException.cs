namespace Ditio.Documents;

/// <summary>The base of every exception the Ditio client throws for a failed call; catch it to handle them all.</summary>
/// <remarks>Messages never contain a client secret or an access token.</remarks>
public abstract class DitioException : Exception
{
    private protected DitioException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

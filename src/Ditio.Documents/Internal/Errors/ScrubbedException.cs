namespace Ditio.Documents.Internal.Errors;

/// <summary>
/// Stands in for an exception whose text held a secret a server echoed (see <see cref="DitioErrors"/>): the same
/// message with the secret masked, the original type named, and the original's inner exception, made safe the same way.
/// </summary>
internal sealed class ScrubbedException(Type original, string message, Exception? inner)
    : Exception($"{original.FullName}: {message}", inner)
{
    /// <summary>Gets the type of the exception this one stands in for.</summary>
    public Type OriginalType { get; } = original;
}

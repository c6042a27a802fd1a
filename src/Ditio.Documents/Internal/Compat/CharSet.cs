namespace Ditio.Documents.Internal.Compat;

/// <summary>
/// A fixed set of characters to check text against: .NET 8's <c>SearchValues</c> where there is one, a plain string
/// search on netstandard2.0. (Not a polyfill named <c>SearchValues</c>: a type of the runtime's name in this assembly
/// would clash with the runtime's own wherever this assembly's internals are visible.)
/// </summary>
internal sealed class CharSet
{
#if NET8_0_OR_GREATER
    private readonly System.Buffers.SearchValues<char> _values;

    public CharSet(string values) => _values = System.Buffers.SearchValues.Create(values);

    /// <summary>Whether every character of the text is in the set.</summary>
    public bool ContainsAll(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(_values);
#else
    private readonly string _values;

    public CharSet(string values) => _values = values;

    /// <summary>Whether every character of the text is in the set.</summary>
    public bool ContainsAll(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (_values.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
#endif
}

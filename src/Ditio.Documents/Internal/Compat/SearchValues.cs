#if !NET8_0_OR_GREATER
namespace System.Buffers
{
    /// <summary>.NET Framework's stand-in for .NET 8's <c>SearchValues</c> (the members the SDK uses: a set of characters).</summary>
    internal static class SearchValues
    {
        public static SearchValues<char> Create(string values) => new(values);
    }

    /// <summary>A set of characters to search for.</summary>
    internal sealed class SearchValues<T>
    {
        private readonly string _values;

        internal SearchValues(string values) => _values = values;

        internal bool Contains(char value) => _values.IndexOf(value) >= 0;
    }
}

namespace System
{
    /// <summary>.NET 8's span search against a <see cref="Buffers.SearchValues{T}"/>.</summary>
    internal static class SearchValuesExtensions
    {
        public static bool ContainsAnyExcept(this ReadOnlySpan<char> span, Buffers.SearchValues<char> values)
        {
            foreach (var c in span)
            {
                if (!values.Contains(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
#endif

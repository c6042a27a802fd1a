#if !NET
namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the LINQ and collection helpers of .NET Core.</summary>
internal static class LinqCompat
{
    extension<T>(IEnumerable<T> source)
    {
        public HashSet<T> ToHashSet(IEqualityComparer<T>? comparer) => new(source, comparer);

        public IOrderedEnumerable<T> Order(IComparer<T>? comparer) => source.OrderBy(x => x, comparer);

        public IEnumerable<T> DistinctBy<TKey>(Func<T, TKey> key, IEqualityComparer<TKey>? comparer = null)
        {
            var seen = new HashSet<TKey>(comparer);
            return source.Where(item => seen.Add(key(item)));
        }
    }

    public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }
}
#endif

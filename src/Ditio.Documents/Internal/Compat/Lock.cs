#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// .NET Framework's stand-in for .NET 9's <c>System.Threading.Lock</c>, so <c>lock (_gate)</c> compiles unchanged on both
/// targets: the compiler sees a type named <c>System.Threading.Lock</c> and lowers <c>lock</c> to <see cref="EnterScope"/>,
/// which here is a plain <see cref="Monitor"/>.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    public readonly ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        public void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif

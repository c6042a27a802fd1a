using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ditio.Documents.Testing.Internal;

/// <summary>Issues opaque bearer tokens with a lifetime and checks them.</summary>
internal sealed class EmulatorTokens(DitioEmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public int Issued => _issued;

    private int _issued;

    public string Issue()
    {
        var token = "emu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _expiries[token] = options.TimeProvider.GetUtcNow() + options.TokenLifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string? token) =>
        token is not null && _expiries.TryGetValue(token, out var expiry) && options.TimeProvider.GetUtcNow() < expiry;

    public void ExpireAll() => _expiries.Clear();
}

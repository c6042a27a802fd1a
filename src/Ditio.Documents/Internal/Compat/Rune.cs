#if !NET
namespace System.Text;

/// <summary>.NET Framework's stand-in for <c>System.Text.Rune</c>: a Unicode scalar value and its UTF-8 form (what the SDK uses of it).</summary>
internal readonly struct Rune(int value)
{
    public int Value { get; } = value;

    public bool IsAscii => Value <= 0x7F;

    public int EncodeToUtf8(Span<byte> destination)
    {
        var chars = Value < 0x10000 ? [(char)Value] : char.ConvertFromUtf32(Value).ToCharArray();
        var bytes = Encoding.UTF8.GetBytes(chars);
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
#endif

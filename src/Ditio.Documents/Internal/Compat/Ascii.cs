#if !NET8_0_OR_GREATER
namespace System.Text;

/// <summary>.NET Framework's stand-in for .NET 8's <c>System.Text.Ascii</c> (the one member the SDK uses).</summary>
internal static class Ascii
{
    public static bool IsValid(string value)
    {
        foreach (var c in value)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }
}
#endif

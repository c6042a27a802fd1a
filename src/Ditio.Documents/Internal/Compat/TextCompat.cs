#if !NET
using System.Text;

namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the string, char and encoding helpers of .NET Core, with the same results.</summary>
internal static class TextCompat
{
    private static readonly Encoding Latin1Encoding = Encoding.GetEncoding(28591);

    extension(string)
    {
        public static string Create(IFormatProvider? provider, FormattableString text) => text.ToString(provider);

        public static string Join(char separator, IEnumerable<string> values) => string.Join(separator.ToString(), values);
    }

    extension(string text)
    {
        public bool Contains(string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public bool Contains(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison) >= 0;

        public int IndexOf(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

        public string[] Split(char separator, int count) => text.Split([separator], count);

        public string Replace(string oldValue, string? newValue, StringComparison comparison)
        {
            if (oldValue.Length == 0)
            {
                throw new ArgumentException("String cannot be of zero length.", nameof(oldValue));
            }

            var builder = new StringBuilder(text.Length);
            var start = 0;
            int at;
            while ((at = text.IndexOf(oldValue, start, comparison)) >= 0)
            {
                builder.Append(text, start, at - start).Append(newValue);
                start = at + oldValue.Length;
            }

            return start == 0 ? text : builder.Append(text, start, text.Length - start).ToString();
        }

        /// <summary>As .NET's: CR LF, CR, LF, NEL, LS, PS and FF each become <paramref name="replacement"/>.</summary>
        public string ReplaceLineEndings(string replacement)
        {
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '\r':
                        builder.Append(replacement);
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        break;
                    case '\n' or '\f' or '\u0085' or '\u2028' or '\u2029':
                        builder.Append(replacement);
                        break;
                    default:
                        builder.Append(text[i]);
                        break;
                }
            }

            return builder.ToString();
        }

        public IEnumerable<Rune> EnumerateRunes()
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    yield return new Rune(char.ConvertToUtf32(text[i], text[i + 1]));
                    i++;
                }
                else
                {
                    // A lone surrogate enumerates as U+FFFD, as .NET's EnumerateRunes does.
                    yield return new Rune(char.IsSurrogate(text[i]) ? 0xFFFD : text[i]);
                }
            }
        }
    }

    extension(StringBuilder builder)
    {
        public StringBuilder Append(IFormatProvider? provider, FormattableString text) => builder.Append(text.ToString(provider));
    }

    extension(char)
    {
        public static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
    }

    extension(Encoding)
    {
        public static Encoding Latin1 => Latin1Encoding;
    }

    extension(Encoding encoding)
    {
        public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
    }
}
#endif

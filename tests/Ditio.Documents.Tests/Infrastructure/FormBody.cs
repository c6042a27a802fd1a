namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>Reads an application/x-www-form-urlencoded body into its fields.</summary>
public static class FormBody
{
    public static IReadOnlyDictionary<string, string> Parse(string? body) =>
        (body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : "", StringComparer.Ordinal);

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

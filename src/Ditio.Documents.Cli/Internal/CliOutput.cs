using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ditio.Documents.Cli.Internal;

/// <summary>What commands print on stdout: lines, aligned tables, or JSON.</summary>
internal sealed class CliOutput(TextWriter writer)
{
    /// <summary>A line of text; control characters in it are printed escaped.</summary>
    public void Line(string text = "") => writer.WriteLine(CliText.Escape(text));

    /// <summary>
    /// <paramref name="value"/> as JSON, by its compile-time contract (a property of <see cref="Json.CliJsonContext.Output"/>):
    /// camelCase, indented, enums as camelCase strings, nulls left out, non-ASCII names as they are.
    /// </summary>
    public void Json<T>(T value, JsonTypeInfo<T> contract) => writer.WriteLine(JsonSerializer.Serialize(value, contract));

    /// <summary>
    /// Columns separated by two spaces (control characters in cells printed escaped), each as wide as its widest cell; the last column is not padded. With no rows,
    /// <paramref name="whenEmpty"/> (if any) instead.
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? whenEmpty = null)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows.Select(r => (IReadOnlyList<string>)[.. r.Select(CliText.Escape)]));
        if (all.Count == 1)
        {
            if (whenEmpty is not null)
            {
                writer.WriteLine(whenEmpty);
            }

            return;
        }

        var widths = Enumerable.Range(0, headers.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}

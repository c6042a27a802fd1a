using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// The JSON settings for Ditio's answers: camelCase, unknown fields ignored, numbers read from strings, and lenient
/// converters on the fields Ditio's pages disagree on (ids as numbers, booleans as strings or numbers, unreadable dates).
/// </summary>
internal static class DitioJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The contract of <typeparamref name="T"/> under <see cref="Options"/>, looked up once.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => Contract<T>.Info;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        // The lenient converters sit on the fields whose types Ditio's pages disagree on (ids, flags, dates), not on
        // every string: System.Text.Json's own string handling is much faster.
        options.Converters.Add(new DocumentPageListConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static class Contract<T>
    {
        public static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ditio.Documents.Internal.Json;

/// <summary>
/// The JSON settings for Ditio's answers: camelCase, unknown fields ignored, numbers read from strings, and lenient
/// converters on the fields Ditio's pages disagree on (ids as numbers, booleans as strings or numbers, unreadable dates).
/// The contracts are source-generated (<see cref="DitioJsonContext"/>): a type it does not list has no contract.
/// </summary>
internal static class DitioJson
{
    public static JsonSerializerOptions Options => DitioJsonContext.Default.Options;

    /// <summary>The contract of <typeparamref name="T"/> under <see cref="Options"/>, looked up once.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => Contract<T>.Info;

    private static class Contract<T>
    {
        public static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
    }
}

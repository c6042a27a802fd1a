using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Ditio.Documents.Testing.Internal;

/// <summary>Writes JSON as Ditio does: camelCase, nulls left out.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Ditio answers with raw UTF-8 (Æ Ø Å), not \u escapes; the SDK must read both.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, body.GetType(), Options, context.RequestAborted);
    }

    /// <summary>Ditio's <c>{"error": "Code", "message": "..."}</c> shape.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new { error = code, message });

    /// <summary>Ditio's document business error: <c>{"successful": false, "message": "..."}</c>.</summary>
    public static Task BusinessErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new { successful = false, message });

    /// <summary>Ditio's validation shape: <c>{"message": "Validation failed", "errors": [...]}</c>.</summary>
    public static Task ValidationAsync(HttpContext context, IEnumerable<(string Code, string Field, string Message)> errors) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, new
        {
            message = "Validation failed",
            errors = errors.Select(e => new { category = "File", code = e.Code, field = e.Field, message = e.Message }),
        });
}

using System.Globalization;

namespace Ditio.Documents.Internal.Http;

/// <summary>
/// A call's route for error messages: made into a path only when a call fails before any answer names its path, so a
/// call that succeeds formats nothing.
/// </summary>
/// <param name="Format">The route as a composite format string, such as <c>/api/v4/integration/{0}/{1}/documents</c>.</param>
/// <param name="First">The first route value, if any.</param>
/// <param name="Second">The second route value, if any.</param>
/// <param name="Third">The third route value, if any.</param>
internal readonly record struct CallRoute(string Format, string? First = null, string? Second = null, string? Third = null)
{
    /// <summary>The path the call was sent to, below the API base's path (such as <c>/core</c>).</summary>
    public string ToPath(string prefix) => prefix + string.Format(CultureInfo.InvariantCulture, Format, First, Second, Third);
}

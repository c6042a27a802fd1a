namespace Ditio.Documents.Internal.Json;

/// <summary>The body of the description route: <c>{"description": string | null}</c>; <c>null</c> clears the text.</summary>
/// <param name="Description">The text, or <see langword="null"/>.</param>
internal sealed record DescriptionBody(string? Description);

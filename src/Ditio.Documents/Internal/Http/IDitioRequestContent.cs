namespace Ditio.Documents.Internal.Http;

/// <summary>Request content that tells the retry and token handlers whether sending it again is possible and safe.</summary>
internal interface IDitioRequestContent
{
    /// <summary>Gets a value indicating whether the body can be sent again from the start (false for a forward-only stream).</summary>
    bool IsReplayable { get; }

    /// <summary>Gets a value indicating whether sending it twice has the effect of sending it once (false for an upload that does not replace by name).</summary>
    bool IsIdempotent { get; }
}

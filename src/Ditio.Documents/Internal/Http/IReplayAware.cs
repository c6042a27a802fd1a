namespace Ditio.Documents.Internal.Http;

/// <summary>Request content that knows whether it can be sent again from the start.</summary>
internal interface IReplayAware
{
    bool IsReplayable { get; }
}

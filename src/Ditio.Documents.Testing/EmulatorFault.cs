namespace Ditio.Documents.Testing;

/// <summary>What an injected fault does to a matching request.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer with a status code (and optionally <c>Retry-After</c>) without doing anything else.</summary>
    Status = 0,

    /// <summary>Drop the connection before reading the request body: the request was never processed.</summary>
    DropBeforeBody = 1,

    /// <summary>Read the whole request body, then drop the connection without answering (for an upload: nothing is stored).</summary>
    DropAfterBody = 2,

    /// <summary>Process the request normally, then drop the connection instead of answering (for an upload: the documents ARE stored).</summary>
    DropAfterProcessing = 3,
}

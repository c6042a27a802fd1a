namespace Ditio.Documents;

/// <summary>What became of one file of <c>UploadManyAsync</c>.</summary>
public enum DocumentUploadStatus
{
    /// <summary>Ditio stored the file.</summary>
    Uploaded = 0,

    /// <summary>The file was refused before sending (a rule) or its request failed; see <see cref="DocumentUploadOutcome.Error"/>.</summary>
    Failed = 1,
}

namespace Ditio.Documents.Testing;

/// <summary>Answers that are valid but not what a client may assume: another order, another section.</summary>
public sealed partial class EmulatorFaults
{
    /// <summary>
    /// Gets or sets a value indicating whether an upload's answer lists the created files in the reverse order of the
    /// parts sent (Ditio does not promise an order), so a client matching them by position mixes up ids.
    /// </summary>
    public bool ReverseUploadAnswers { get; set; }

    /// <summary>
    /// Gets or sets the section every upload lands on and is reported under, whatever section was asked for (or none);
    /// <see langword="null"/> for the guide's behaviour.
    /// </summary>
    public string? ReportSectionAs { get; set; }

    /// <summary>
    /// Gets or sets a file reference id the next upload's answer gives its first created file instead of the real one
    /// (a lying or broken server: the id may be another document's); used once, then cleared.
    /// </summary>
    public string? AnswerWithFileReferenceId { get; set; }

    internal string? TakeAnsweredId()
    {
        lock (_gate)
        {
            var id = AnswerWithFileReferenceId;
            AnswerWithFileReferenceId = null;
            return id;
        }
    }

    private void ClearAnswerQuirks()
    {
        ReverseUploadAnswers = false;
        ReportSectionAs = null;
        AnswerWithFileReferenceId = null;
    }
}

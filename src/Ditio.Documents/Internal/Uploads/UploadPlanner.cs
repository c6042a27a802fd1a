namespace Ditio.Documents.Internal.Uploads;

/// <summary>
/// Splits files into upload requests that each stay under the request limit, in the order given. A file of unknown
/// length (a forward-only stream) goes in a request of its own. No request holds two files whose names differ only in
/// case or Unicode normalisation (or not at all), so the created documents of an answer can be matched to the files by name.
/// </summary>
internal static class UploadPlanner
{
    public static List<List<int>> Plan(
        IReadOnlyList<DocumentUploadFile> files, IEnumerable<int> sendable, long maxRequestBytes, string boundary, int maxFiles = int.MaxValue)
    {
        var batches = new List<List<int>>();
        var current = new List<int>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        long currentBytes = boundary.Length + 6;
        foreach (var index in sendable)
        {
            var file = files[index];
            if (file.Length is not { } length)
            {
                if (current.Count > 0)
                {
                    batches.Add(current);
                    current = [];
                    currentBytes = boundary.Length + 6;
                }

                batches.Add([index]);
                continue;
            }

            var partBytes = UploadSizing.PartOverhead(file, boundary) + length;
            if (current.Count > 0 && (currentBytes + partBytes >= maxRequestBytes || current.Count >= maxFiles || names.Contains(DocumentNames.Key(file.FileName))))
            {
                batches.Add(current);
                current = [];
                names.Clear();
                currentBytes = boundary.Length + 6;
            }

            current.Add(index);
            names.Add(DocumentNames.Key(file.FileName));
            currentBytes += partBytes;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}

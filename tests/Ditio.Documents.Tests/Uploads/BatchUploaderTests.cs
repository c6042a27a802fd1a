using System.Text;
using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Tests.Uploads;

/// <summary>Rule 5 at the unit level: one name per request, and created documents matched by name, never by position.</summary>
public sealed class BatchUploaderTests
{
    private const string Boundary = "ditio-0123456789abcdef0123456789abcdef";

    [Fact]
    public void Plan_NamesThatDitioTakesForOne_NeverShareARequest()
    {
        var decomposed = "Ærfugl.pdf".Normalize(NormalizationForm.FormD);
        var files = new[] { File("a.pdf"), File("b.pdf"), File("A.PDF"), File("Ærfugl.pdf"), File(decomposed) };

        var batches = UploadPlanner.Plan(files, [0, 1, 2, 3, 4], long.MaxValue, Boundary);

        Assert.Equal([[0, 1], [2, 3], [4]], batches);
    }

    [Fact]
    public void MatchCreated_AnswerInAnotherOrder_EachFileGetsTheDocumentOfItsName()
    {
        var files = new[] { File("a.pdf"), File("b.pdf"), File("c.pdf") };

        var matched = BatchUploader.MatchCreated(files, [Created("c.pdf", "3"), Created("a.pdf", "1"), Created("b.pdf", "2")]);

        Assert.Equal(["1", "2", "3"], matched.Select(m => m!.FileReferenceId));
    }

    [Fact]
    public void MatchCreated_NamesChangedByCaseOrNormalisation_StillMatch_AndExactNamesWinFirst()
    {
        var decomposed = "Ærfugl.pdf".Normalize(NormalizationForm.FormD);
        var files = new[] { File("Plan.pdf"), File("Ærfugl.pdf") };

        var matched = BatchUploader.MatchCreated(files, [Created(decomposed, "2"), Created("PLAN.PDF", "1")]);

        Assert.Equal(["1", "2"], matched.Select(m => m!.FileReferenceId));
    }

    [Fact]
    public void MatchCreated_AnswerNamingNoneOfTheFiles_MatchesNothing_ButOneLeftEachSideGoTogether()
    {
        var two = BatchUploader.MatchCreated([File("a.pdf"), File("b.pdf")], [Created("x.pdf", "1"), Created("y.pdf", "2")]);
        var one = BatchUploader.MatchCreated([File("a .pdf")], [Created("a.pdf", "1")]);
        var fewer = BatchUploader.MatchCreated([File("a.pdf"), File("b.pdf")], [Created("b.pdf", "2")]);

        Assert.All(two, Assert.Null);
        Assert.Equal("1", one[0]!.FileReferenceId);
        Assert.Equal([null, "2"], fewer.Select(m => m?.FileReferenceId));
    }

    private static DocumentUploadFile File(string name) => DocumentUploadFile.FromStream(new MemoryStream(new byte[10]), name);

    private static UploadedDocument Created(string name, string id) => new() { Name = name, FileReference = new DocumentFileReference { Id = id } };
}

using Ditio.Documents.Internal.Uploads;

namespace Ditio.Documents.Tests.Uploads;

public sealed class UploadPlannerTests
{
    private const string Boundary = "ditio-0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("Drawing-A1.pdf", 0)]
    [InlineData("Tegning-Ø1 (rev B) «Fjellhall».pdf", 12_345)]
    [InlineData("quote\"d.docx", 1)]
    public async Task RequestBytes_EqualsTheLengthUploadContentActuallyWrites(string name, int size)
    {
        var files = new[]
        {
            DocumentUploadFile.FromStream(new MemoryStream(new byte[size]), name),
            DocumentUploadFile.FromStream(new MemoryStream(new byte[7]), "b.txt"),
        };
        using var content = new UploadContent(files, Ditio.Documents.Internal.Calls.DitioCall.Upload(replacesByName: false, 1024), Boundary);
        var written = (await content.ReadAsByteArrayAsync()).LongLength;

        Assert.Equal(written, content.Headers.ContentLength);
        Assert.Equal(written, UploadSizing.RequestBytes(files.Select(f => (f, f.Length!.Value)), Boundary));
    }

    [Fact]
    public void Plan_FilesFillingARequestExactlyToTheLimit_SplitBecauseDitioNeedsLessThanTheLimit()
    {
        var files = Files(1000, 1000, 1000);
        var exact = UploadSizing.RequestBytes(files.Take(2).Select(f => (f, f.Length!.Value)), Boundary);

        Assert.Equal([[0], [1], [2]], UploadPlanner.Plan(files, [0, 1, 2], exact, Boundary));
        Assert.Equal([[0, 1], [2]], UploadPlanner.Plan(files, [0, 1, 2], exact + 1, Boundary));
    }

    [Fact]
    public void Plan_OneByteUnderTheLimit_FitsAndOneByteOverDoesNot()
    {
        var two = Files(1000, 1000);
        var size = UploadSizing.RequestBytes(two.Select(f => (f, f.Length!.Value)), Boundary);

        Assert.Single(UploadPlanner.Plan(two, [0, 1], size + 1, Boundary));
        var bigger = Files(1000, 1001);
        Assert.Equal(2, UploadPlanner.Plan(bigger, [0, 1], size + 1, Boundary).Count);
    }

    [Fact]
    public void Plan_KeepsOrderAndPutsUnknownLengthsAlone()
    {
        var files = Files(10, 10).Append(DocumentUploadFile.FromStream(new ForwardOnly(), "stream.bin")).Concat(Files(10)).ToList();

        Assert.Equal([[0, 1], [2], [3]], UploadPlanner.Plan(files, [0, 1, 2, 3], 10_000, Boundary));
    }

    [Fact]
    public void Check_FileTooLargeForAnyRequest_NamesTheFileAndTheLimit()
    {
        var limits = new DitioTransferOptions { MaxRequestBytes = 2_000 };
        var file = Files(2_000)[0];

        var reason = UploadRules.Check(file, limits, Boundary);

        Assert.NotNull(reason);
        Assert.Contains("'f0.pdf' is 2000 bytes", reason, StringComparison.Ordinal);
        Assert.Contains("2000 bytes or more", reason, StringComparison.Ordinal);
        Assert.Null(UploadRules.Check(Files(1_000)[0], limits, Boundary));
    }

    [Theory]
    [InlineData("a.exe", true)]
    [InlineData("a.EXE. . ", true)]
    [InlineData("a.svgz", true)]
    [InlineData("a.mhtml", true)]
    [InlineData("a.exe.pdf", false)]
    [InlineData("a.pdf", false)]
    public void Check_RefusedExtensions_IgnoringTrailingDotsAndSpaces(string name, bool refused)
    {
        var file = DocumentUploadFile.FromStream(new MemoryStream([1]), name);

        Assert.Equal(refused, UploadRules.Check(file, new DitioTransferOptions(), Boundary) is not null);
    }

    [Fact]
    public void Check_SvgOverFiveMebibytes_IsRefused()
    {
        var limits = new DitioTransferOptions();
        var big = DocumentUploadFile.FromStream(new MemoryStream(new byte[(5 * 1024 * 1024) + 1]), "plan.svg");
        var ok = DocumentUploadFile.FromStream(new MemoryStream(new byte[5 * 1024 * 1024]), "plan.svg");

        Assert.Contains("SVG", UploadRules.Check(big, limits, Boundary), StringComparison.Ordinal);
        Assert.Null(UploadRules.Check(ok, limits, Boundary));
    }

    private static List<DocumentUploadFile> Files(params int[] sizes) =>
        sizes.Select((size, i) => DocumentUploadFile.FromStream(new MemoryStream(new byte[size]), $"f{i}.pdf")).ToList();

    private sealed class ForwardOnly : MemoryStream
    {
        public override bool CanSeek => false;
    }
}

namespace Ditio.Documents.Tests.Uploads;

public sealed class DocumentUploadFileTests
{
    [Theory]
    [InlineData("not a media type")]
    [InlineData("pdf")]
    [InlineData("")]
    public void FromStream_InvalidContentType_IsRefusedNamingTheArgument(string contentType)
    {
        var error = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromStream(new MemoryStream([1]), "a.pdf", contentType));

        Assert.Equal("contentType", error.ParamName);
    }

    [Theory]
    [InlineData("a.pdf", null, "application/pdf")]
    [InlineData("a.DOCX", null, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("a.unknown", null, "application/octet-stream")]
    [InlineData("a.pdf", "application/x-custom", "application/x-custom")]
    public void FromStream_ContentType_IsGivenOrDerivedFromTheExtension(string name, string? given, string expected)
    {
        Assert.Equal(expected, DocumentUploadFile.FromStream(new MemoryStream([1]), name, given).ContentType);
    }

    [Fact]
    public void FromStream_SeekableFromAPosition_HasTheRemainingLengthAndIsReplayable()
    {
        var stream = new MemoryStream(new byte[100]) { Position = 30 };

        var file = DocumentUploadFile.FromStream(stream, "a.pdf");

        Assert.Equal(70, file.Length);
        Assert.True(file.IsReplayable);
    }
}

using Ditio.Documents.Tests.Infrastructure;

namespace Ditio.Documents.Tests.Validation;

public sealed class BadInputTests : IDisposable
{
    private const string IdRule = "must not be '.' or contain '/', '\\', '?', '#', '%' or '..'";

    private readonly DitioWireMock _mock = new();
    private readonly TestClient _sdk;
    private readonly string _folder = Directory.CreateTempSubdirectory("ditio-tests-").FullName;
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    public BadInputTests() => _sdk = new TestClient(_mock);

    public static TheoryData<string, string?, string> EmptyIds => Cross(
        ["Project", "WorkOrder", "GetWorkOrdersAsync", "DownloadAsync", "DownloadToFileAsync", "DeleteAsync"],
        (null, "Value cannot be null"),
        ("", "cannot be an empty string or composed entirely of whitespace"),
        ("   ", "cannot be an empty string or composed entirely of whitespace"));

    public static TheoryData<string, string?, string> ForbiddenIds => Cross(
        ["Project", "WorkOrder", "GetWorkOrdersAsync", "DownloadAsync", "DownloadToFileAsync", "DeleteAsync"],
        ("65f1/a2b3", IdRule),
        ("65f1?a=1", IdRule),
        ("65f1#top", IdRule),
        ("65f1%2Fx", IdRule),
        ("..", IdRule),
        (".", IdRule),
        ("65f1..a2", IdRule),
        ("65f1\\a2", IdRule));

    [Theory]
    [MemberData(nameof(EmptyIds))]
    [MemberData(nameof(ForbiddenIds))]
    public async Task IdArgument_Invalid_RefusedBeforeAnyRequestNamingTheArgument(string member, string? id, string rule)
    {
        var (call, paramName) = IdCall(member, id!);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);

        Assert.Equal(id is null ? typeof(ArgumentNullException) : typeof(ArgumentException), ex.GetType());
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Theory]
    [InlineData(null, "Value cannot be null")]
    [InlineData("", "cannot be an empty string or composed entirely of whitespace")]
    [InlineData(" \t ", "cannot be an empty string or composed entirely of whitespace")]
    [InlineData(".", "must not be '.' or '..'")] // a URL drops a "." segment: never /by-project-number/
    [InlineData("..", "must not be '.' or '..'")] // and climbs a ".." one: never /projects/ (the list of every project)
    public async Task FindProjectByNumberAsync_NullEmptyWhitespaceOrDots_RefusedBeforeAnyRequest(string? projectNumber, string rule)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _sdk.Client.FindProjectByNumberAsync(projectNumber!));

        Assert.Equal(projectNumber is null ? typeof(ArgumentNullException) : typeof(ArgumentException), ex.GetType());
        Assert.Equal("projectNumber", ex.ParamName);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public void FromPath_MissingFile_ThrowsNamingPathAndFile()
    {
        var missing = Path.Combine(_folder, "Missing-drawing.pdf");

        var ex = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromPath(missing));

        Assert.Equal("path", ex.ParamName);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPath_Folder_ThrowsNamingPath()
    {
        var ex = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromPath(_folder));

        Assert.Equal("path", ex.ParamName);
        Assert.Contains("does not exist (or is a folder)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Value cannot be null")]
    [InlineData("", "cannot be an empty string or composed entirely of whitespace")]
    [InlineData("  ", "cannot be an empty string or composed entirely of whitespace")]
    public void FromPath_NullOrEmptyPath_ThrowsNamingPath(string? path, string rule)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => DocumentUploadFile.FromPath(path!));

        Assert.Equal(path is null ? typeof(ArgumentNullException) : typeof(ArgumentException), ex.GetType());
        Assert.Equal("path", ex.ParamName);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Plans/A1.pdf", "path separator")]
    [InlineData("..", "must not be '.' or '..'")]
    public void FromPath_InvalidExplicitFileName_ThrowsNamingFileName(string fileName, string rule)
    {
        var path = WriteFile("A1.pdf", "x");

        var ex = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromPath(path, fileName));

        Assert.Equal("fileName", ex.ParamName);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStream_NullStream_ThrowsArgumentNullNamingContent()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => DocumentUploadFile.FromStream(null!, "A1.pdf"));

        Assert.Equal("content", ex.ParamName);
    }

    [Fact]
    public void FromStream_UnreadableStream_ThrowsNamingContent()
    {
        var closed = new MemoryStream("x"u8.ToArray());
        closed.Dispose();

        var ex = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromStream(closed, "A1.pdf"));

        Assert.Equal("content", ex.ParamName);
        Assert.Contains("must be readable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStream_WriteOnlyFileStream_ThrowsNamingContent()
    {
        using var writeOnly = new FileStream(Path.Combine(_folder, "w.bin"), FileMode.Create, FileAccess.Write);

        var ex = Assert.Throws<ArgumentException>(() => DocumentUploadFile.FromStream(writeOnly, "A1.pdf"));

        Assert.Equal("content", ex.ParamName);
    }

    [Theory]
    [InlineData(null, "Value cannot be null")]
    [InlineData("", "cannot be an empty string or composed entirely of whitespace")]
    [InlineData("   ", "cannot be an empty string or composed entirely of whitespace")]
    [InlineData("Plans/A1.pdf", "must not contain a path separator ('/' or '\\')")]
    [InlineData("Plans\\A1.pdf", "must not contain a path separator ('/' or '\\')")]
    [InlineData("/A1.pdf", "must not contain a path separator ('/' or '\\')")]
    [InlineData(".", "must not be '.' or '..'")]
    [InlineData("..", "must not be '.' or '..'")]
    public void FromStream_InvalidFileName_ThrowsNamingFileName(string? fileName, string rule)
    {
        using var content = new MemoryStream("x"u8.ToArray());

        var ex = Assert.ThrowsAny<ArgumentException>(() => DocumentUploadFile.FromStream(content, fileName!));

        Assert.Equal(fileName is null ? typeof(ArgumentNullException) : typeof(ArgumentException), ex.GetType());
        Assert.Equal("fileName", ex.ParamName);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadAsync_EmptyList_RefusedBeforeAnyRequest()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.UploadAsync(_project, []));

        Assert.Equal("files", ex.ParamName);
        Assert.Contains("At least one file is required", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task UploadAsync_NullList_RefusedBeforeAnyRequest()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => _sdk.Client.UploadAsync(_project, null!));

        Assert.Equal("files", ex.ParamName);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task UploadAsync_ListContainingNull_RefusedBeforeAnyRequest()
    {
        var good = DocumentUploadFile.FromPath(WriteFile("A1.pdf", "x"));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.UploadAsync(_project, [good, null!]));

        Assert.Equal("files", ex.ParamName);
        Assert.Contains("must not contain null", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public async Task UploadAsync_EmptyOrWhitespaceSection_RefusedNamingOptionsSection(string section)
    {
        var file = DocumentUploadFile.FromPath(WriteFile("A1.pdf", "x"));

        var ex = await Assert.ThrowsAsync<ArgumentException>(
            () => _sdk.Client.UploadAsync(_project, [file], new DocumentUploadOptions { Section = section }));

        Assert.Equal("options.Section", ex.ParamName);
        Assert.Contains("must not be empty or whitespace", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task UploadFileAsync_WhitespaceSection_RefusedNamingOptionsSection()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(
            () => _sdk.Client.UploadFileAsync(_project, WriteFile("A1.pdf", "x"), new DocumentUploadOptions { Section = " " }));

        Assert.Equal("options.Section", ex.ParamName);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task UploadAsync_FileDeletedAfterFromPath_RefusedBeforeAnyRequest()
    {
        var path = WriteFile("A1.pdf", "x");
        var file = DocumentUploadFile.FromPath(path);
        File.Delete(path);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.UploadAsync(_project, [file]));

        Assert.Equal("files", ex.ParamName);
        Assert.Contains("does not exist any more", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task UploadFileAsync_MissingFile_RefusedBeforeAnyRequest()
    {
        var missing = Path.Combine(_folder, "Missing.pdf");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.UploadFileAsync(_project, missing));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Fact]
    public async Task UploadFileAsync_MissingFile_ParamNameIsFilePath()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.UploadFileAsync(_project, Path.Combine(_folder, "Missing.pdf")));

        Assert.Equal("filePath", ex.ParamName);
    }

    [Fact]
    public async Task DownloadToFileAsync_FolderOfDestinationMissing_RefusedBeforeAnyRequest()
    {
        var destination = Path.Combine(_folder, "no-such-folder", "out.pdf");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.DownloadToFileAsync(_project, "f1", destination));

        Assert.Equal("destinationPath", ex.ParamName);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
        Assert.False(Directory.Exists(Path.Combine(_folder, "no-such-folder")));
    }

    [Fact]
    public async Task DownloadToFileAsync_DestinationIsAFolder_RefusedBeforeAnyRequest()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.DownloadToFileAsync(_project, "f1", _folder));

        Assert.Equal("destinationPath", ex.ParamName);
        Assert.Contains("is a folder", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task DownloadToFileAsync_EmptyDestination_RefusedBeforeAnyRequest(string destination)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Client.DownloadToFileAsync(_project, "f1", destination));

        Assert.Equal("destinationPath", ex.ParamName);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Theory]
    [InlineData("UploadAsync")]
    [InlineData("UploadFileAsync")]
    [InlineData("GetPagesAsync")]
    [InlineData("DownloadAsync")]
    [InlineData("DownloadToFileAsync")]
    [InlineData("DeleteAsync")]
    public async Task DocumentMethod_NullTarget_ThrowsArgumentNullNamingTarget(string member)
    {
        var call = DocumentCall(member, target: null!, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(call);

        Assert.Equal("target", ex.ParamName);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Theory]
    [InlineData("GetProjectsAsync")]
    [InlineData("FindProjectByNumberAsync")]
    [InlineData("GetWorkOrdersAsync")]
    [InlineData("UploadAsync")]
    [InlineData("UploadFileAsync")]
    [InlineData("GetPagesAsync")]
    [InlineData("DownloadAsync")]
    [InlineData("DownloadToFileAsync")]
    [InlineData("DeleteAsync")]
    public async Task ClientMethod_PreCancelledToken_ThrowsOperationCanceledWithNoRequestSent(string member)
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var ct = cts.Token;
        var client = _sdk.Client;
        Func<Task> call = member switch
        {
            "GetProjectsAsync" => () => client.GetProjectsAsync(ct),
            "FindProjectByNumberAsync" => () => client.FindProjectByNumberAsync("P-2026-001", ct),
            "GetWorkOrdersAsync" => () => client.GetWorkOrdersAsync(DitioWireMock.ProjectId, ct),
            _ => DocumentCall(member, _project, ct),
        };

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(call);

        Assert.IsNotAssignableFrom<DitioException>(ex);
        Assert.Empty(_mock.Server.LogEntries);
        Assert.False(File.Exists(Path.Combine(_folder, "out.pdf")));
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _mock.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static TheoryData<string, string?, string> Cross(string[] members, params (string? Id, string Rule)[] ids)
    {
        var data = new TheoryData<string, string?, string>();
        foreach (var member in members)
        {
            foreach (var (id, rule) in ids)
            {
                data.Add(member, id, rule);
            }
        }

        return data;
    }

    private (Func<Task> Call, string ParamName) IdCall(string member, string id)
    {
        var client = _sdk.Client;
        var destination = Path.Combine(_folder, "out.pdf");
        return member switch
        {
            "Project" => (() => Task.FromResult(DocumentTarget.Project(id)), "projectId"),
            "WorkOrder" => (() => Task.FromResult(DocumentTarget.WorkOrder(id)), "workOrderId"),
            "GetWorkOrdersAsync" => (() => client.GetWorkOrdersAsync(id), "projectId"),
            "DownloadAsync" => (() => client.DownloadAsync(_project, id), "fileReferenceId"),
            "DownloadToFileAsync" => (() => client.DownloadToFileAsync(_project, id, destination), "fileReferenceId"),
            "DeleteAsync" => (() => client.DeleteAsync(_project, id), "fileReferenceId"),
            _ => throw new ArgumentOutOfRangeException(nameof(member)),
        };
    }

    /// <summary>A call of the document method named <paramref name="member"/> on <paramref name="target"/>, with valid other arguments.</summary>
    private Func<Task> DocumentCall(string member, DocumentTarget target, CancellationToken ct)
    {
        var client = _sdk.Client;
        var path = WriteFile("A1.pdf", "x");
        return member switch
        {
            "UploadAsync" => () => client.UploadAsync(target, [DocumentUploadFile.FromPath(path)], null, ct),
            "UploadFileAsync" => () => client.UploadFileAsync(target, path, null, ct),
            "GetPagesAsync" => () => client.GetPagesAsync(target, ct),
            "DownloadAsync" => () => client.DownloadAsync(target, "f1", cancellationToken: ct),
            "DownloadToFileAsync" => () => client.DownloadToFileAsync(target, "f1", Path.Combine(_folder, "out.pdf"), cancellationToken: ct),
            "DeleteAsync" => () => client.DeleteAsync(target, "f1", ct),
            _ => throw new ArgumentOutOfRangeException(nameof(member)),
        };
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}

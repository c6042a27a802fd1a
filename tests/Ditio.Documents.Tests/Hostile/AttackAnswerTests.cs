using Ditio.Documents.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks with answers that are odd but not hostile: created files listed in another order than the parts (each file
/// must get its own document, never another's), token answers whose side fields have unexpected types, a 401 that
/// never ends.
/// </summary>
public sealed class AttackAnswerTests : IDisposable
{
    private static readonly TimeSpan Cap = HostileServer.Cap;
    private static readonly string UploadPath = $"/core/api/v4/integration/projects/{DitioWireMock.ProjectId}/documents";
    private readonly DitioWireMock _ditio = new();
    private readonly DocumentTarget _project = DocumentTarget.Project(DitioWireMock.ProjectId);

    [Fact]
    public async Task UploadManyAnswerListsTheFilesInAnotherOrder_EachFileGetsItsOwnDocument()
    {
        _ditio.GivenJson("POST", UploadPath, 200, """
            {"successful":true,"files":[
              {"name":"b.pdf","fileReference":{"id":"id-of-b"}},
              {"name":"a.pdf","fileReference":{"id":"id-of-a"}}]}
            """);
        using var sdk = new TestClient(_ditio);

        var result = await sdk.Client.UploadManyAsync(_project, [File("a.pdf"), File("b.pdf")]).WaitAsync(Cap);

        Assert.Equal(1, result.RequestCount);
        Assert.All(result.Outcomes, o => Assert.Equal(o.File.FileName, o.Document?.Name));
        Assert.Equal("id-of-a", result.Outcomes.Single(o => o.File.FileName == "a.pdf").Document!.FileReferenceId);
    }

    [Fact]
    public async Task UploadManyAnswerRenamesTheFiles_NoFileIsGivenADocumentByPosition()
    {
        _ditio.GivenJson("POST", UploadPath, 200, """
            {"successful":true,"files":[
              {"name":"a (1).pdf","fileReference":{"id":"id-of-a"}},
              {"name":"b (1).pdf","fileReference":{"id":"id-of-b"}}]}
            """);
        using var sdk = new TestClient(_ditio);

        var result = await sdk.Client.UploadManyAsync(_project, [File("a.pdf"), File("b.pdf")]).WaitAsync(Cap);

        // Created documents are matched by name, never by position (issue 11, rule 5): a document Ditio renamed may be
        // another file's, so no file is told it is its own.
        Assert.All(result.Outcomes, o => Assert.Null(o.Document));
    }

    [Theory]
    [InlineData("""{"access_token":"tok-odd","expires_in":1800,"token_type":5}""")]
    [InlineData("""{"access_token":"tok-odd","expires_in":1800,"token_type":{"kind":"Bearer"}}""")]
    [InlineData("""{"access_token":"tok-odd","expires_in":1800,"token_type":"Bearer","error":null,"error_description":7}""")]
    public async Task TokenAnswerWithOddSideFields_TheTokenIsUsed(string body)
    {
        _ditio.Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        _ditio.GivenJson("GET", UploadPath, 200, "[]");
        using var sdk = new TestClient(_ditio);

        await sdk.Client.GetPagesAsync(_project).WaitAsync(Cap);

        Assert.Equal("Bearer tok-odd", Assert.Single(_ditio.ApiRequests).Headers!["Authorization"].Single());
    }

    [Theory]
    [InlineData("tok-1\\r\\nX-Injected: yes")]
    [InlineData("tok-1\\nX-Injected: yes")]
    [InlineData("tok-\\u00e6\\u00f8")]
    public async Task TokenThatWouldInjectAHeader_IsNeverSentAsOne_NorQuoted(string token)
    {
        _ditio.Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"{{token}}","expires_in":1800}"""));
        _ditio.GivenJson("GET", UploadPath, 200, "[]");
        var logs = new RecordingLoggerProvider();
        using var sdk = new TestClient(_ditio, o => o.Retry.MaxRetryAttempts = 1, logs: logs);

        var error = await Record.ExceptionAsync(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.All(_ditio.ApiRequests, r => Assert.False(r.Headers!.ContainsKey("X-Injected")));
        foreach (var text in logs.Lines.Select(l => $"{l.Message} {l.State} {l.Exception}").Append(error?.ToString()))
        {
            Assert.False(text?.Contains("tok-", StringComparison.Ordinal) == true, $"the token leaked: {text}");
        }
    }

    [Fact]
    public async Task ApiAnswers401Forever_OneRenewalOneResend_NoLoop()
    {
        _ditio.GivenCountingTokens();
        _ditio.GivenStatus("GET", UploadPath, 401);
        using var sdk = new TestClient(_ditio, o => o.Retry.MaxRetryAttempts = 3);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(_project).WaitAsync(Cap));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, _ditio.ApiRequests.Count);
        Assert.Equal(2, _ditio.TokenRequests.Count);
    }

    public void Dispose() => _ditio.Dispose();

    private static DocumentUploadFile File(string name) => DocumentUploadFile.FromStream(new MemoryStream(new byte[10]), name);
}

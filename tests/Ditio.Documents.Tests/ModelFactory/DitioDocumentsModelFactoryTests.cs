using System.Net;
using System.Reflection;
using System.Text;

namespace Ditio.Documents.Tests.ModelFactory;

public sealed class DitioDocumentsModelFactoryTests
{
    /// <summary>Types a result reaches that the caller makes, not the client: they need no factory method.</summary>
    private static readonly Type[] CallerMade = [typeof(DocumentUploadFile), typeof(DocumentTarget)];

    [Fact]
    public void Factory_CoversEveryTypeTheClientReturnsOrThrows_AndEveryTypeThoseReach()
    {
        var needed = new HashSet<Type> { typeof(DitioApiException), typeof(DitioAuthenticationException) };
        foreach (var method in typeof(IDitioDocumentsClient).GetMethods())
        {
            Reach(method.ReturnType, needed);
        }

        var built = typeof(DitioDocumentsModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();
        var missing = needed.Except(built).Except(CallerMade).Select(t => t.Name).Order();

        Assert.Empty(missing);
        Assert.Contains(typeof(DocumentDescription), needed);
        Assert.Contains(typeof(DocumentSyncItem), needed);
        Assert.Contains(typeof(DocumentFileReference), needed);
    }

    [Fact]
    public void Factory_EveryMethodWorksWithItsDefaults_AndNamesItsType()
    {
        foreach (var method in typeof(DitioDocumentsModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            var args = method.GetParameters().Select(DefaultOf).ToArray();
            if (method.Name == nameof(DitioDocumentsModelFactory.DocumentUploadOutcome))
            {
                args[1] = DitioDocumentsModelFactory.UploadedDocument();
            }

            var value = method.Invoke(null, args);

            Assert.NotNull(value);
            Assert.Equal(method.ReturnType.Name, method.Name);
        }
    }

    [Fact]
    public void DitioApiException_LooksAsTheClientThrowsIt()
    {
        var notFound = DitioDocumentsModelFactory.DitioApiException(
            HttpStatusCode.NotFound, errorCode: "NotFound", errorMessage: "No page 'Drawings' yet.", requestMethod: "PUT",
            requestPath: "/core/api/v4/integration/projects/p1/documents/description?section=Drawings");
        var timeout = DitioDocumentsModelFactory.DitioApiException(null, DitioFailureKind.Timeout);
        var throttled = DitioDocumentsModelFactory.DitioApiException(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(5));

        Assert.Equal("Ditio PUT /core/api/v4/integration/projects/p1/documents/description?section=Drawings failed with 404 NotFound: NotFound - No page 'Drawings' yet.", notFound.Message);
        Assert.True(notFound.IsNotFound);
        Assert.Equal((DitioFailureKind.ErrorResponse, "NotFound", "No page 'Drawings' yet."), (notFound.Kind, notFound.ErrorCode, notFound.ErrorMessage));
        Assert.Equal((DitioFailureKind.Timeout, null, false), (timeout.Kind, timeout.StatusCode, timeout.ResponseReceived));
        Assert.Equal(TimeSpan.FromSeconds(5), throttled.RetryAfter);
        Assert.Equal(DitioFailureKind.NoResponse, DitioDocumentsModelFactory.DitioApiException(statusCode: null).Kind);
        var forbidden = DitioDocumentsModelFactory.DitioApiException(HttpStatusCode.Forbidden);
        Assert.Equal((DitioFailureKind.Forbidden, false), (forbidden.Kind, forbidden.IsNotFound));
    }

    [Theory]
    [InlineData(null, DitioFailureKind.ErrorResponse)]
    [InlineData(HttpStatusCode.BadGateway, DitioFailureKind.NoResponse)]
    public void DitioApiException_StatusThatDoesNotFitTheKind_IsRefusedNamingTheRule(HttpStatusCode? status, DitioFailureKind kind)
    {
        var ex = Assert.Throws<ArgumentException>(() => DitioDocumentsModelFactory.DitioApiException(status, kind));

        Assert.Equal("statusCode", ex.ParamName);
        Assert.Contains("status code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DitioAuthenticationException_CarriesTheOAuthErrorAndNeverASecret()
    {
        var ex = DitioDocumentsModelFactory.DitioAuthenticationException("client-1", HttpStatusCode.BadRequest, "invalid_client", "Unknown client");

        Assert.Equal("Could not get a Ditio access token for client 'client-1': the identity server answered 400 BadRequest: invalid_client (Unknown client).", ex.Message);
        Assert.Equal(("client-1", HttpStatusCode.BadRequest, "invalid_client", "Unknown client"), (ex.ClientId, ex.StatusCode, ex.OAuthError, ex.OAuthErrorDescription));
        Assert.IsAssignableFrom<DitioException>(ex);
    }

    [Fact]
    public async Task DocumentDownload_StreamsTheGivenContent_AndDisposesIt()
    {
        var content = new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7"));
        var download = DitioDocumentsModelFactory.DocumentDownload(content, "Tegning-Ø1.pdf", "application/pdf");

        using var reader = new StreamReader(download.Content);
        Assert.Equal("%PDF-1.7", await reader.ReadToEndAsync());
        Assert.Equal(("Tegning-Ø1.pdf", "application/pdf", 8L), (download.FileName, download.ContentType, download.ContentLength));
        await download.DisposeAsync();
        Assert.False(content.CanRead);
    }

    [Fact]
    public void UploadResults_DefaultsFollowDitio_PageFilesAreTheCreatedOnes_AndOutcomesTellTheirStatus()
    {
        var document = DitioDocumentsModelFactory.UploadedDocument("f1", "Drawing-A1.PDF", 1234);
        var result = DitioDocumentsModelFactory.DocumentUploadResult([document], section: "Drawings", pageExternalId: "int-projdocs:p1:drawings");
        var file = DocumentUploadFile.FromStream(new MemoryStream(), "A.pdf");
        var batch = DitioDocumentsModelFactory.DocumentBatchUploadResult(
        [
            DitioDocumentsModelFactory.DocumentUploadOutcome(file, document),
            DitioDocumentsModelFactory.DocumentUploadOutcome(file, error: new ArgumentException("refused")),
        ]);

        Assert.Equal(("f1", "pdf", 1234L), (document.FileReferenceId, document.FileReference!.FileType, document.FileReference.FileSize));
        Assert.Equal("f1", Assert.Single(result.PageFiles).FileReferenceId);
        Assert.Equal(("f1", 1, false), (batch.Uploaded.Single().FileReferenceId, batch.RequestCount, batch.AllUploaded));
        Assert.Equal("refused", batch.Failed.Single().Error!.Message);
        Assert.Throws<ArgumentException>(() => DitioDocumentsModelFactory.DocumentUploadOutcome(file));
    }

    [Fact]
    public void SyncResult_CountsFollowTheItems()
    {
        var result = DitioDocumentsModelFactory.DocumentSyncResult(
        [
            DitioDocumentsModelFactory.DocumentSyncItem("a.pdf", DocumentSyncAction.Added, fileReferenceId: "f1"),
            DitioDocumentsModelFactory.DocumentSyncItem("b.pdf", DocumentSyncAction.Failed, reason: "refused"),
            DitioDocumentsModelFactory.DocumentSyncItem("c.pdf", DocumentSyncAction.Unchanged),
        ]);

        Assert.Equal((1, 1, 1, 0), (result.Added, result.Failed, result.Unchanged, result.Deleted));
    }

    /// <summary>A parameter's default (reflection gives a nullable enum's as its number); the one required parameter, a file.</summary>
    private static object? DefaultOf(ParameterInfo parameter) =>
        !parameter.HasDefaultValue ? DocumentUploadFile.FromStream(new MemoryStream(), "A.pdf")
        : parameter.DefaultValue is { } value && Nullable.GetUnderlyingType(parameter.ParameterType) is { IsEnum: true } enumType ? Enum.ToObject(enumType, value)
        : parameter.DefaultValue;

    /// <summary>Adds <paramref name="type"/> (past Task, lists and nullables) and the SDK types its public properties reach.</summary>
    private static void Reach(Type type, HashSet<Type> found)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Reach(argument, found);
            }

            return;
        }

        if (type.Assembly != typeof(IDitioDocumentsClient).Assembly || type.IsEnum || !found.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Reach(property.PropertyType, found);
        }
    }
}

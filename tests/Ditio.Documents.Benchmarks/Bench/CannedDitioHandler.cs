using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Ditio.Documents.Benchmarks.Bench;

/// <summary>
/// Ditio without a network: canned answers to the token, list, download and upload routes, built fresh for each call
/// from bytes prepared once. Every request body is read to the end, as a server would. Shared by the SDK and the raw
/// client, so both pay exactly the same transport cost.
/// </summary>
public sealed class CannedDitioHandler : HttpMessageHandler
{
    public const int DocumentBytes = 4096;

    private static readonly byte[] Token = Encoding.UTF8.GetBytes(
        """{"access_token":"bench-token","expires_in":3600,"token_type":"Bearer","scope":"ditioapiv3"}""");

    private static readonly byte[] Pages = Encoding.UTF8.GetBytes(
        """
        [{"section":"Drawings","pageExternalId":"int-projdocs:p1:drawings","files":[
          {"fileReferenceId":"6650a1f0c1d2e3f4a5b6c701","name":"Plan-A1.pdf"},{"fileReferenceId":"6650a1f0c1d2e3f4a5b6c702","name":"Plan-A2.pdf"},
          {"fileReferenceId":"6650a1f0c1d2e3f4a5b6c703","name":"Section-B1.pdf"},{"fileReferenceId":"6650a1f0c1d2e3f4a5b6c704","name":"Tegning-Ø1.pdf"}]},
         {"section":"Contracts","pageExternalId":"int-projdocs:p1:contracts","files":[
          {"fileReferenceId":"6650a1f0c1d2e3f4a5b6c705","name":"Contract.docx"},{"fileReferenceId":"6650a1f0c1d2e3f4a5b6c706","name":"Appendix-1.pdf"}]},
         {"section":"Documents","pageExternalId":"int-projdocs:p1:documents","files":[
          {"fileReferenceId":"6650a1f0c1d2e3f4a5b6c707","name":"Method statement.pdf"},{"fileReferenceId":"6650a1f0c1d2e3f4a5b6c708","name":"HSE plan.pdf"}]}]
        """);

    private static readonly byte[] Uploaded = Encoding.UTF8.GetBytes(
        """
        {"successful":true,"message":"Documents uploaded and attached ok","section":"Documents","pageExternalId":"int-projdocs:p1:documents",
         "files":[{"name":"bench.pdf","size":4096,"url":"/api/file/6650a1f0c1d2e3f4a5b6c709","fileReference":{"id":"6650a1f0c1d2e3f4a5b6c709",
           "collectionRef":"InfoMessage","fileNameOrig":"bench.pdf","fileType":"pdf","fileSize":4096,"createdDateTime":"2026-03-01T08:00:00Z"}}],
         "infoPageFiles":[{"fileReferenceId":"6650a1f0c1d2e3f4a5b6c707","name":"Method statement.pdf"},{"fileReferenceId":"6650a1f0c1d2e3f4a5b6c708","name":"HSE plan.pdf"},
           {"fileReferenceId":"6650a1f0c1d2e3f4a5b6c709","name":"bench.pdf"}]}
        """);

    private static readonly byte[] Document = CreateDocument();

    /// <summary>The listing's JSON (three pages, eight files), also served by the sink for the <c>cold</c> verb.</summary>
    public static ReadOnlyMemory<byte> PagesJson => Pages;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var path = request.RequestUri!.AbsolutePath;
        var isPost = request.Method == HttpMethod.Post;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        if (path.EndsWith("/connect/token", StringComparison.Ordinal) && isPost)
        {
            response.Content = Json(Token);
        }
        else if (path.EndsWith("/documents", StringComparison.Ordinal))
        {
            response.Content = Json(isPost ? Uploaded : Pages);
        }
        else if (path.Contains("/documents/", StringComparison.Ordinal))
        {
            response.Content = new ByteArrayContent(Document);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "bench.pdf" };
        }
        else
        {
            response.StatusCode = HttpStatusCode.NotFound;
        }

        return response;
    }

    /// <summary>The HttpClientFactory disposes expired handler chains; this one is shared, so it outlives them.</summary>
    protected override void Dispose(bool disposing)
    {
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static byte[] CreateDocument()
    {
        var document = new byte[DocumentBytes];
        new Random(7).NextBytes(document);
        return document;
    }
}

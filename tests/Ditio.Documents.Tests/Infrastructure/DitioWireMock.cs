using System.Net;
using System.Text;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ditio.Documents.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net server on loopback playing Ditio: the identity server under <c>/identity</c> and the API under
/// <c>/core</c> (so the SDK's handling of a path prefix is exercised on every call).
/// </summary>
public sealed class DitioWireMock : IDisposable
{
    public const string ClientId = "sdk-tests-client";
    public const string ClientSecret = "Sup3r-S3cret-Value!";
    public const string Token = "eyJ-test-access-token-0001";
    public const string ProjectId = "65f1a2b3c4d5e6f7a8b9c0d1";
    public const string WorkOrderId = "66a1b2c3d4e5f6a7b8c9d0e2";

    public DitioWireMock()
    {
        Server = WireMockServer.Start();
        GivenToken(Token);
    }

    public WireMockServer Server { get; }

    public Uri ApiBase => new($"{Server.Url}/core");

    public Uri IdentityBase => new($"{Server.Url}/identity");

    public IReadOnlyList<IRequestMessage> TokenRequests => RequestsTo("/identity/connect/token");

    public IReadOnlyList<IRequestMessage> ApiRequests =>
        Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path.StartsWith("/core/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<IRequestMessage> RequestsTo(string path) =>
        Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path == path).ToList();

    public void GivenToken(string token, int expiresIn = 1800) =>
        Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{token}}","expires_in":{{expiresIn}},"token_type":"Bearer","scope":"ditioapiv3"}"""));

    /// <summary>Hands out tok-1, tok-2, ... one per token request, so renewals can be told apart.</summary>
    public void GivenCountingTokens(int expiresIn = 1800)
    {
        var count = 0;
        Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                var n = Interlocked.Increment(ref count);
                return Json(200, $$"""{"access_token":"tok-{{n}}","expires_in":{{expiresIn}},"token_type":"Bearer"}""");
            }));
    }

    public void GivenJson(string method, string path, int status, string body) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public void GivenStatus(string method, string path, int status, string? body = null, string contentType = "text/plain")
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Answers each request with the next of <paramref name="responses"/>; the last one repeats.</summary>
    public void GivenSequence(string method, string path, params Func<ResponseMessage>[] responses)
    {
        var count = 0;
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                var n = Interlocked.Increment(ref count);
                return responses[Math.Min(n, responses.Length) - 1]();
            }));
    }

    public static ResponseMessage Json(int status, string body, params (string Name, string Value)[] headers) =>
        Message(status, body, "application/json", headers);

    public static ResponseMessage Message(int status, string? body = null, string contentType = "text/plain", params (string Name, string Value)[] headers)
    {
        var message = new ResponseMessage { StatusCode = status };
        message.AddHeader("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            message.AddHeader(name, value);
        }

        if (body is not null)
        {
            message.BodyData = new WireMock.Util.BodyData
            {
                BodyAsString = body,
                Encoding = Encoding.UTF8,
                DetectedBodyType = WireMock.Types.BodyType.String,
            };
        }

        return message;
    }

    public static string UploadOk(string name = "Drawing-A1.pdf", string id = "66b1a2c3d4e5f6a7b8c9d0e2") => $$$"""
        {"successful":true,"message":"Documents uploaded and attached ok","section":"Drawings",
         "pageExternalId":"int-projdocs:{{{ProjectId}}}:drawings",
         "files":[{"name":"{{{name}}}","size":5,"url":"/api/file/{{{id}}}",
                   "fileReference":{"id":"{{{id}}}","collectionRef":"InfoMessage","fileNameOrig":"{{{name}}}","fileType":"pdf","fileSize":5,"createdDateTime":"2026-06-05T08:10:25Z"}}],
         "infoPageFiles":[{"fileReferenceId":"{{{id}}}","name":"{{{name}}}"}]}
        """;

    public void Dispose() => Server.Stop();
}

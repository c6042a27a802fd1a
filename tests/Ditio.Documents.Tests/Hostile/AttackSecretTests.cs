using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on rule 6 from angles the first suite did not take: the secret echoed in an escaping the scrubber does not
/// know but a JSON reader undoes (PHP's <c>\/</c>, lower-case or all-<c>\u</c> escapes), echoed in a malformed
/// header line (the runtime quotes the line in its exception, which the SDK keeps as the inner exception), and echoed
/// in a redirect's host name (which <see cref="Uri"/> lower-cases).
/// </summary>
public sealed class AttackSecretTests : SecretEchoSuite
{
    public static TheoryData<string, string> JsonEscapings => new()
    {
        // PHP's json_encode: slashes escaped, non-ASCII as lower-case \u escapes.
        { "PHP json_encode", """Ops\/Secret+Key 2026&\u00c6\u00d8!""" },
        { "every character \\u-escaped", string.Concat(Secret.Select(c => $"\\u{(int)c:x4}")) },
    };

    [Theory]
    [MemberData(nameof(JsonEscapings))]
    public async Task ApiErrorEchoesTheSecretJsonEscaped_TheDecodedMessageDoesNotHoldIt(string form, string escaped)
    {
        Ditio.GivenStatus("GET", PagesPath, 400, $$"""{"message":"bad request: client_secret={{escaped}} was refused"}""", "application/json");
        using var sdk = Client();

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(Secret, form, error.ToString(), error.ErrorMessage, error.ResponseExcerpt);
        AssertNowhere(escaped, form + " (as sent)", error.ToString(), error.ErrorMessage, error.ResponseExcerpt);
        Assert.Contains("client_secret=", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, """{"message":"bad \ud800 surrogate","error":"\udfff"}""")]
    [InlineData(200, """["\ud800", {"section":"\udfff""")]
    public async Task AnswerWithALoneSurrogateEscape_IsADitioApiException(int status, string body)
    {
        Ditio.GivenStatus("GET", PagesPath, status, body, "application/json");
        using var sdk = Client();

        var error = await Record.ExceptionAsync(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        Assert.IsType<DitioApiException>(error);
    }

    [Fact]
    public async Task ApiErrorEchoesTheTokenJsonEscaped_TheDecodedMessageDoesNotHoldIt()
    {
        var escaped = string.Concat(DitioWireMock.Token.Select(c => $"\\u{(int)c:x4}"));
        Ditio.GivenStatus("GET", PagesPath, 400, $$"""{"message":"token {{escaped}} lacks the scope"}""", "application/json");
        using var sdk = Client();

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(DitioWireMock.Token, "token", error.ToString(), error.ErrorMessage, error.ResponseExcerpt);
    }

    [Fact]
    public async Task IdentityServerEchoesTheSecretInAMalformedHeaderLine_NoExceptionTextOrLogLineHoldsIt()
    {
        await using var identity = new RawHttpServer(async (_, stream, _) =>
        {
            var head = $"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\nX-Echo client_secret={Secret}\r\n\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
        });
        using var sdk = Client(identity.BaseUri);

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        AssertNowhere(Secret, "raw, in a header line", error.ToString());
    }

    [Fact]
    public async Task ApiEchoesTheTokenInAMalformedStatusLine_NoExceptionTextOrLogLineHoldsIt()
    {
        await using var api = new RawHttpServer(async (request, stream, _) =>
        {
            var echoed = request.Headers["Authorization"];
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"HTTP/1.1 5OO {echoed}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
        });
        using var sdk = new TestClient(Ditio, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.MaxRetryAttempts = 1;
        }, logs: Logs);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(DitioWireMock.Token, "token, in a status line", error.ToString());
    }

    [Fact]
    public async Task AnswerEchoesTheSecretInItsCharset_NoInnerExceptionHoldsIt()
    {
        const string hostSecret = "Hunter2-Secret-Value";
        Ditio.Server.Given(Request.Create().WithPath(PagesPath).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", $"application/json; charset={hostSecret}").WithBody("[]"));
        using var sdk = new TestClient(Ditio, o => o.ClientSecret = hostSecret, logs: Logs);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        Assert.Equal(DitioFailureKind.InvalidResponse, error.Kind);
        AssertNowhere(hostSecret, "charset", error.ToString());
    }

    [Theory]
    [InlineData("Content-Length: {0}")]
    [InlineData("Transfer-Encoding: {0}")]
    [InlineData("Content-Length: 5\r\nContent-Length: {0}")]
    [InlineData("Content-Type: {0}")]
    public async Task ApiEchoesTheTokenInAHeaderTheRuntimeRefuses_NoExceptionTextOrLogLineHoldsIt(string header)
    {
        await using var api = new RawHttpServer(async (request, stream, _) =>
        {
            var echoed = request.Headers["Authorization"].Replace("Bearer ", "", StringComparison.Ordinal);
            var head = $"HTTP/1.1 200 OK\r\nConnection: close\r\n{string.Format(System.Globalization.CultureInfo.InvariantCulture, header, echoed)}\r\n\r\n[]";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
        });
        using var sdk = new TestClient(Ditio, o =>
        {
            o.ApiBaseUrl = new Uri(api.BaseUri, "/core");
            o.Retry.MaxRetryAttempts = 1;
        }, logs: Logs);

        var error = await Record.ExceptionAsync(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(DitioWireMock.Token, "token, in " + header, error?.ToString());
    }

    [Theory]
    [InlineData("text/plain; charset=utf-16", "utf-16")]
    [InlineData("application/json; charset=utf-16BE", "utf-16BE")]
    [InlineData("text/plain", "utf-16 with BOM")]
    public async Task ApiErrorEchoesTheSecretInUtf16_NoMessageExcerptOrLogLineHoldsIt(string contentType, string encoding)
    {
        const string asciiSecret = "Sup3r-S3cret-Value!";
        var text = $$"""{"message":"bad request: client_secret={{asciiSecret}} was refused"}""";
        var body = encoding switch
        {
            "utf-16BE" => Encoding.BigEndianUnicode.GetBytes(text),
            "utf-16" => Encoding.Unicode.GetBytes(text),
            _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        };
        Ditio.Server.Given(Request.Create().WithPath(PagesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", contentType).WithBody(body));
        using var sdk = new TestClient(Ditio, o => o.ClientSecret = asciiSecret, logs: Logs);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(asciiSecret, encoding, error.ToString(), error.ResponseExcerpt);
    }

    [Fact]
    public async Task RedirectToAHostNamedAfterTheSecret_TheLowerCasedHostDoesNotLeakIt()
    {
        const string hostSecret = "Hunter2-Secret-Value";
        Ditio.Server.Reset();
        Ditio.Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", $"https://{hostSecret}.evil.example/connect/token"));
        using var sdk = new TestClient(Ditio, o => o.ClientSecret = hostSecret, logs: Logs);

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        AssertNowhere(hostSecret, "lower-cased host", error.ToString());
    }

    private TestClient Client(Uri? identity = null) => new(Ditio, o =>
    {
        o.ClientSecret = Secret;
        o.Retry.MaxRetryAttempts = 1;
        if (identity is not null)
        {
            o.IdentityBaseUrl = identity;
        }
    }, logs: Logs);

    private void AssertNowhere(string value, string form, params string?[] texts)
    {
        foreach (var text in texts.Concat(Logs.Lines.Select(l => $"{l.Message} {l.State} {l.Exception}")))
        {
            // A reader (or a terminal) skips NULs: look for the secret as they would see it.
            var seen = text?.Replace("\0", "", StringComparison.Ordinal);
            Assert.False(seen?.Contains(value, StringComparison.OrdinalIgnoreCase) == true, $"the {form} form leaked: {text}");
        }
    }
}

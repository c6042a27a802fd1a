using System.Text;
using Ditio.Documents.Internal.Calls;
using Ditio.Documents.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Rule 6: secrets never leave. A server that echoes the client secret in any form it could (raw, URL-encoded with
/// either case of hex, form-encoded, JSON-escaped, Base64 of id:secret) or the token gets it masked in every message,
/// excerpt, <c>ToString()</c> and log line; a 2xx token body is never quoted; only whole occurrences are masked.
/// </summary>
public sealed class SecretLeakTests : SecretEchoSuite
{
    public static TheoryData<string, string> EchoedForms => new()
    {
        { "raw", Secret },
        { "url-encoded, upper-case hex", Uri.EscapeDataString(Secret) },
        { "url-encoded, lower-case hex", LowerHex(Uri.EscapeDataString(Secret)) },
        { "form-encoded", Uri.EscapeDataString(Secret).Replace("%20", "+", StringComparison.Ordinal) },
        { "form-encoded, lower-case hex", LowerHex(Uri.EscapeDataString(Secret)).Replace("%20", "+", StringComparison.Ordinal) },
        { "JSON-escaped", System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(Secret) },
        { "Base64 of id:secret", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DitioWireMock.ClientId}:{Secret}")) },
        { "Base64 of url-encoded id:secret", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DitioWireMock.ClientId}:{Uri.EscapeDataString(Secret)}")) },
    };

    [Theory]
    [MemberData(nameof(EchoedForms))]
    public async Task ApiErrorEchoesTheSecret_NoMessageExcerptOrLogLineHoldsIt(string form, string echoed)
    {
        Ditio.GivenStatus("GET", PagesPath, 400, $$"""{"message":"bad request: client_secret={{echoed}}&scope=x","detail":"Basic {{echoed}}"}""", "application/json");
        using var sdk = Client();

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(echoed, form, error.ToString(), error.ResponseExcerpt, error.ErrorMessage);
        Assert.Contains(SecretScrubber.Mask, error.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EchoedForms))]
    public async Task IdentityErrorEchoesTheSecret_TheAuthenticationErrorDoesNotHoldIt(string form, string echoed)
    {
        Ditio.Server.Reset();
        Ditio.Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(400).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"error":"invalid_client","error_description":"unknown secret {{echoed}}"}"""));
        using var sdk = Client();

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        AssertNowhere(echoed, form, error.ToString(), error.OAuthErrorDescription);
    }

    public static TheoryData<string, string> TokenForms => new()
    {
        { "raw", DitioWireMock.Token },
        { "Base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(DitioWireMock.Token)) },
        { "Base64 of the header value", Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer " + DitioWireMock.Token)) },
        { "url-encoded", Uri.EscapeDataString(DitioWireMock.Token + "/+=") },
        { "JSON-escaped, every character", string.Concat(DitioWireMock.Token.Select(c => $"\\u{(int)c:x4}")) },
    };

    [Theory]
    [MemberData(nameof(TokenForms))]
    public async Task ApiErrorEchoesTheToken_InAnyForm_ItIsMasked(string form, string echoed)
    {
        _ = form;
        Ditio.GivenStatus("GET", PagesPath, 500, "{\"message\":\"proxy debug: Authorization: Bearer " + echoed + "\"}");
        using var sdk = Client(retries: 0);

        var error = await Assert.ThrowsAsync<DitioApiException>(() => sdk.Client.GetPagesAsync(ProjectTarget).WaitAsync(Cap));

        AssertNowhere(echoed, form, error.ToString(), error.ResponseExcerpt);
    }

    [Theory]
    [InlineData("""{"acces_token":"eyJ-a-token-by-another-name","expires_in":1800}""")]
    [InlineData("""{"access_token":"","id_token":"eyJ-a-token-by-another-name"}""")]
    [InlineData("""token=eyJ-a-token-by-another-name""")]
    public async Task SuccessfulTokenAnswerWithoutAToken_IsNeverQuoted(string body)
    {
        Ditio.Server.Reset();
        Ditio.Server.Given(Request.Create().WithPath("/identity/connect/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        using var sdk = Client();

        var error = await Assert.ThrowsAsync<DitioAuthenticationException>(() => sdk.Client.GetProjectsAsync().WaitAsync(Cap));

        Assert.Contains("without an access_token", error.Message, StringComparison.Ordinal);
        AssertNowhere("eyJ-a-token-by-another-name", "token", error.ToString());
    }

    [Fact]
    public void Scrubber_ReplacesOnlyWholeOccurrences_SoAShortSecretDoesNotMangleText()
    {
        var scrubber = new SecretScrubber("id", "ab1");

        Assert.Equal("*** cab1 ab12 (***) x=***&", scrubber.Scrub("ab1 cab1 ab12 (ab1) x=ab1&"));
        Assert.Equal("Table 1 is stable", scrubber.Scrub("Table 1 is stable"));
    }

    private static string LowerHex(string escaped) =>
        System.Text.RegularExpressions.Regex.Replace(escaped, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());

    private TestClient Client(int retries = 3) => new(Ditio, o =>
    {
        o.ClientSecret = Secret;
        o.Retry.MaxRetryAttempts = retries;
    }, logs: Logs);

    private void AssertNowhere(string value, string form, params string?[] texts)
    {
        foreach (var text in texts.Concat(Logs.Lines.Select(l => $"{l.Message} {l.State} {l.Exception}")))
        {
            Assert.False(text?.Contains(value, StringComparison.OrdinalIgnoreCase) == true, $"the {form} form leaked: {text}");
        }
    }
}

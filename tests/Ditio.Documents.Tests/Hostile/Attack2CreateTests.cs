using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Tests.Hostile;

/// <summary>
/// Attacks on <see cref="DitioDocumentsClient.Create"/>, which builds its client without a service container: bad
/// options get the same <see cref="OptionsValidationException"/>, naming the setting, as a registration's.
/// </summary>
public sealed class Attack2CreateTests : IDisposable
{
    private readonly DitioWireMock _mock = new();

    [Theory]
    [InlineData("Retry", "Ditio:Retry must not be null.")]
    [InlineData("Transfers", "Ditio:Transfers must not be null.")]
    public void Create_NullNestedOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string nulled, string message)
    {
        var options = new DitioDocumentsOptions
        {
            ApiBaseUrl = _mock.ApiBase,
            IdentityBaseUrl = _mock.IdentityBase,
            ClientId = DitioWireMock.ClientId,
            ClientSecret = DitioWireMock.ClientSecret,
        };
        if (nulled == "Retry")
        {
            options.Retry = null!;
        }
        else
        {
            options.Transfers = null!;
        }

        var ex = Assert.Throws<OptionsValidationException>(() => DitioDocumentsClient.Create(options));

        Assert.Contains(message, ex.Failures);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_mock.Server.LogEntries);
    }

    [Theory]
    [InlineData("ApiBaseUrl")]
    [InlineData("IdentityBaseUrl")]
    public void Create_BaseUrlWithUserInfo_RefusedNamingTheSetting_TheSecretInItShownNowhere(string setting)
    {
        // The URL would otherwise be logged (the token request names its identity server) and shown by ToString.
        var withSecret = new Uri($"https://{DitioWireMock.ClientId}:{Uri.EscapeDataString(DitioWireMock.ClientSecret)}@core-api.ditio.dev/core");
        var options = new DitioDocumentsOptions { ClientId = DitioWireMock.ClientId, ClientSecret = DitioWireMock.ClientSecret };
        if (setting == "ApiBaseUrl")
        {
            options.ApiBaseUrl = withSecret;
        }
        else
        {
            options.IdentityBaseUrl = withSecret;
        }

        var ex = Assert.Throws<OptionsValidationException>(() => DitioDocumentsClient.Create(options));

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith($"Ditio:{setting} 'https://core-api.ditio.dev/core' must not have user info", failure, StringComparison.Ordinal);
        foreach (var form in new[] { DitioWireMock.ClientSecret, Uri.EscapeDataString(DitioWireMock.ClientSecret) })
        {
            Assert.DoesNotContain(form, ex.Message, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _mock.Dispose();
}

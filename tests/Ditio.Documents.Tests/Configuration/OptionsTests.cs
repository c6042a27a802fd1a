using System.Net;
using System.Text;
using Ditio.Documents.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Tests.Configuration;

/// <summary>Options: binding from configuration, validation messages that name the setting, ToString, effective URLs.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddDitioDocuments_Configuration_BindsEveryDocumentedKey(bool passSection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ditio:Environment"] = "Production",
            ["Ditio:ApiBaseUrl"] = "https://api.example.test/core",
            ["Ditio:IdentityBaseUrl"] = "https://identity.example.test",
            ["Ditio:ClientId"] = "cfg-client",
            ["Ditio:ClientSecret"] = "cfg-secret",
            ["Ditio:Scope"] = "ditioapiv3 extra",
            ["Ditio:TokenRenewalMargin"] = "00:02:30",
            ["Ditio:Retry:MaxRetryAttempts"] = "5",
            ["Ditio:Retry:BaseDelay"] = "00:00:02",
            ["Ditio:Retry:MaxDelay"] = "00:00:20",
            ["Ditio:Retry:MaxRetryAfter"] = "00:00:45",
            ["Ditio:Retry:AttemptTimeout"] = "00:00:15",
            ["Ditio:Retry:TotalTimeout"] = "00:01:30",
        }).Build();
        var services = new ServiceCollection();

        services.AddDitioDocuments(passSection ? configuration.GetSection("Ditio") : configuration);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(Options.DefaultName);
        Assert.Equal(DitioEnvironment.Production, options.Environment);
        Assert.Equal(new Uri("https://api.example.test/core"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://identity.example.test"), options.IdentityBaseUrl);
        Assert.Equal("cfg-client", options.ClientId);
        Assert.Equal("cfg-secret", options.ClientSecret);
        Assert.Equal("ditioapiv3 extra", options.Scope);
        Assert.Equal(TimeSpan.FromSeconds(150), options.TokenRenewalMargin);
        Assert.Equal(5, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Retry.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Retry.TotalTimeout);
        Assert.NotNull(provider.GetRequiredService<IDitioDocumentsClient>());
    }

    [Fact]
    public void AddDitioDocuments_ConfigurationWithOnlyRequiredKeys_KeepsDocumentedDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ditio:ClientId"] = "cfg-client",
            ["Ditio:ClientSecret"] = "cfg-secret",
        }).Build();
        var services = new ServiceCollection();

        services.AddDitioDocuments(configuration);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(Options.DefaultName);
        Assert.Equal(DitioEnvironment.Test, options.Environment);
        Assert.Equal(new Uri("https://core-api.ditio.dev/core"), options.EffectiveApiBaseUrl);
        Assert.Equal(new Uri("https://identity.ditio.dev"), options.EffectiveIdentityBaseUrl);
        Assert.Equal("ditioapiv3", options.Scope);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TokenRenewalMargin);
        Assert.Equal(3, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Retry.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Retry.TotalTimeout);
    }

    [Theory]
    [InlineData("MissingClientId", "Ditio:ClientId")]
    [InlineData("WhitespaceClientId", "Ditio:ClientId")]
    [InlineData("MissingClientSecret", "Ditio:ClientSecret")]
    [InlineData("HttpApiBaseUrl", "Ditio:ApiBaseUrl")]
    [InlineData("HttpIdentityBaseUrl", "Ditio:IdentityBaseUrl")]
    [InlineData("MaxRetryAttempts11", "Ditio:Retry:MaxRetryAttempts")]
    [InlineData("TotalTimeoutBelowAttemptTimeout", "Ditio:Retry:TotalTimeout")]
    public void ResolveClient_InvalidOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string scenario, string setting)
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(o => Invalid(o, scenario));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDitioDocumentsClient>());

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MissingClientId", "Ditio:ClientId")]
    [InlineData("MissingClientSecret", "Ditio:ClientSecret")]
    [InlineData("HttpApiBaseUrl", "Ditio:ApiBaseUrl")]
    [InlineData("HttpIdentityBaseUrl", "Ditio:IdentityBaseUrl")]
    [InlineData("MaxRetryAttempts11", "Ditio:Retry:MaxRetryAttempts")]
    [InlineData("TotalTimeoutBelowAttemptTimeout", "Ditio:Retry:TotalTimeout")]
    public void Create_InvalidOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string scenario, string setting)
    {
        var options = new DitioDocumentsOptions();
        Invalid(options, scenario);

        var ex = Assert.Throws<OptionsValidationException>(() => DitioDocumentsClient.Create(options));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DitioWireMock.ClientSecret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullOptions_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => DitioDocumentsClient.Create(null!));

        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [InlineData("http://localhost:5080/core")]
    [InlineData("http://127.0.0.1:5080/core")]
    [InlineData("http://[::1]:5080/core")]
    [InlineData("https://core-api.example.test/core")]
    public void ResolveClient_LoopbackHttpOrHttpsBaseUrls_AreAccepted(string url)
    {
        var services = new ServiceCollection();
        services.AddDitioDocuments(o =>
        {
            Valid(o);
            o.ApiBaseUrl = new Uri(url);
            o.IdentityBaseUrl = new Uri(url);
        });
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IDitioDocumentsClient>());
    }

    [Fact]
    public void ToString_WithSecret_ShowsClientIdButNeverTheSecret()
    {
        var options = new DitioDocumentsOptions();
        Valid(options);

        var text = options.ToString();

        Assert.DoesNotContain(DitioWireMock.ClientSecret, text, StringComparison.Ordinal);
        Assert.Contains(DitioWireMock.ClientId, text, StringComparison.Ordinal);
        Assert.Contains("clientSecret=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveUrls_TestAndProduction_AreTheDocumentedOnes()
    {
        var test = new DitioDocumentsOptions();
        var production = new DitioDocumentsOptions { Environment = DitioEnvironment.Production };

        Assert.Equal(DitioEnvironment.Test, test.Environment);
        Assert.Equal("https://core-api.ditio.dev/core", test.EffectiveApiBaseUrl.AbsoluteUri);
        Assert.Equal("https://identity.ditio.dev/", test.EffectiveIdentityBaseUrl.AbsoluteUri);
        Assert.Equal("https://core-api.ditio.app/core", production.EffectiveApiBaseUrl.AbsoluteUri);
        Assert.Equal("https://identity.ditio.app/", production.EffectiveIdentityBaseUrl.AbsoluteUri);
    }

    [Fact]
    public void EffectiveUrls_ExplicitUrls_OverrideTheEnvironment()
    {
        var options = new DitioDocumentsOptions
        {
            Environment = DitioEnvironment.Production,
            ApiBaseUrl = new Uri("https://proxy.example.test/ditio/core"),
            IdentityBaseUrl = new Uri("https://proxy.example.test/ditio/identity"),
        };

        Assert.Equal(new Uri("https://proxy.example.test/ditio/core"), options.EffectiveApiBaseUrl);
        Assert.Equal(new Uri("https://proxy.example.test/ditio/identity"), options.EffectiveIdentityBaseUrl);
    }

    internal static void Valid(DitioDocumentsOptions options)
    {
        options.ClientId = DitioWireMock.ClientId;
        options.ClientSecret = DitioWireMock.ClientSecret;
    }

    private static void Invalid(DitioDocumentsOptions options, string scenario)
    {
        Valid(options);
        switch (scenario)
        {
            case "MissingClientId": options.ClientId = null; break;
            case "WhitespaceClientId": options.ClientId = "  "; break;
            case "MissingClientSecret": options.ClientSecret = null; break;
            case "HttpApiBaseUrl": options.ApiBaseUrl = new Uri("http://core-api.example.test/core"); break;
            case "HttpIdentityBaseUrl": options.IdentityBaseUrl = new Uri("http://identity.example.test"); break;
            case "MaxRetryAttempts11": options.Retry.MaxRetryAttempts = 11; break;
            case "TotalTimeoutBelowAttemptTimeout":
                options.Retry.AttemptTimeout = TimeSpan.FromSeconds(30);
                options.Retry.TotalTimeout = TimeSpan.FromSeconds(10);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario));
        }
    }

}

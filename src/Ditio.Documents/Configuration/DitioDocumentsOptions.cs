using System.Globalization;

namespace Ditio.Documents;

/// <summary>Settings of a Ditio documents client: where Ditio is, who the client is, and how it retries.</summary>
/// <remarks>
/// Bound from the configuration section <see cref="SectionName"/> (<c>Ditio:ClientId</c>, <c>Ditio:ClientSecret</c>, ...)
/// or set in code, and validated when the application starts. <see cref="ToString"/> never shows the client secret.
/// </remarks>
public sealed class DitioDocumentsOptions
{
    /// <summary>The configuration section the options are bound from by default: <c>Ditio</c>.</summary>
    public const string SectionName = "Ditio";

    /// <summary>The scope documents need: <c>ditioapiv3</c>.</summary>
    public const string DefaultScope = "ditioapiv3";

    /// <summary>Gets or sets the Ditio environment. Explicit base URLs override it.</summary>
    /// <value>Defaults to <see cref="DitioEnvironment.Test"/>.</value>
    public DitioEnvironment Environment { get; set; } = DitioEnvironment.Test;

    /// <summary>
    /// Gets or sets the integration API base URL, overriding <see cref="Environment"/>. A path prefix such as
    /// <c>/core</c> is kept. <c>http://</c> is accepted only for loopback addresses.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Gets or sets the identity server base URL (where <c>connect/token</c> lives), overriding <see cref="Environment"/>.</summary>
    public Uri? IdentityBaseUrl { get; set; }

    /// <summary>Gets or sets the client id of the Ditio API client. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret of the Ditio API client. Required; never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the space-separated scopes asked for.</summary>
    /// <value>Defaults to <see cref="DefaultScope"/>.</value>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>Gets or sets how long before its expiry an access token is renewed.</summary>
    /// <value>Defaults to 60 seconds. For tokens shorter-lived than twice this margin, half their lifetime is used.</value>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the largest JSON answer (a listing, a lookup, an upload's result) read into memory. A longer answer
    /// fails the call with <see cref="DitioFailureKind.InvalidResponse"/> as soon as it passes the limit, so memory stays
    /// bounded whatever a server sends. Downloads are streamed and not limited by it; token answers are limited to 64 KiB.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxResponseBytes"/>; at least 1024, at most 2 GiB - 1.</value>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The longest <see cref="ApplicationId"/> accepted: 24 characters, as in the Azure SDKs.</summary>
    public const int MaxApplicationIdLength = 24;

    /// <summary>
    /// Gets or sets the name of the application, put in front of every request's <c>User-Agent</c>
    /// (<c>my-dms/2.1 Ditio.Documents/1.0.0 (.NET 10.0.0; ...)</c>), so Ditio can tell which integration sends what.
    /// </summary>
    /// <value>
    /// Defaults to none. At most <see cref="MaxApplicationIdLength"/> characters, each a letter, digit or one of
    /// <c>! # $ % &amp; ' * + - . ^ _ ` | ~</c> (an HTTP token: no spaces). Never put a secret here.
    /// </value>
    public string? ApplicationId { get; set; }

    /// <summary>Gets or sets the retry and timeout settings.</summary>
    public DitioRetryOptions Retry { get; set; } = new();

    /// <summary>Gets or sets the upload and download limits: request size, refused types, parallelism, stall timeout.</summary>
    public DitioTransferOptions Transfers { get; set; } = new();

    /// <summary>Gets the integration API base URL in use: <see cref="ApiBaseUrl"/>, else the one of <see cref="Environment"/>.</summary>
    public Uri EffectiveApiBaseUrl => ApiBaseUrl ?? (Environment == DitioEnvironment.Production
        ? new Uri("https://core-api.ditio.app/core")
        : new Uri("https://core-api.ditio.dev/core"));

    /// <summary>Gets the identity server base URL in use: <see cref="IdentityBaseUrl"/>, else the one of <see cref="Environment"/>.</summary>
    public Uri EffectiveIdentityBaseUrl => IdentityBaseUrl ?? (Environment == DitioEnvironment.Production
        ? new Uri("https://identity.ditio.app")
        : new Uri("https://identity.ditio.dev"));

    /// <summary>Describes the options without the client secret.</summary>
    /// <returns>The environment, URLs, client id and scope; the secret shows only as set or not set.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Ditio {Environment}: api={EffectiveApiBaseUrl}, identity={EffectiveIdentityBaseUrl}, clientId={ClientId ?? "(not set)"}, clientSecret={(string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "***")}, scope={Scope}");

    internal void CopyTo(DitioDocumentsOptions target)
    {
        target.Environment = Environment;
        target.ApiBaseUrl = ApiBaseUrl;
        target.IdentityBaseUrl = IdentityBaseUrl;
        target.ClientId = ClientId;
        target.ClientSecret = ClientSecret;
        target.Scope = Scope;
        target.TokenRenewalMargin = TokenRenewalMargin;
        target.MaxResponseBytes = MaxResponseBytes;
        target.ApplicationId = ApplicationId;
        // Null (set so in code) stays null, for the validator to name the setting.
        target.Retry = Retry?.Clone()!;
        target.Transfers = Transfers?.Clone()!;
    }
}

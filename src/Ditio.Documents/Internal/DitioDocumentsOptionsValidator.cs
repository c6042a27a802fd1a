using System.Net;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Internal;

/// <summary>Checks the options at start-up; every message names the setting and the rule.</summary>
internal sealed class DitioDocumentsOptionsValidator : IValidateOptions<DitioDocumentsOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, DitioDocumentsOptions options)
    {
        var failures = new List<string>();
        Require(failures, options.ClientId, "ClientId", "the client id of your Ditio API client");
        Require(failures, options.ClientSecret, "ClientSecret", "the client secret of your Ditio API client");
        Require(failures, options.Scope, "Scope", $"the scopes to ask for, such as '{DitioDocumentsOptions.DefaultScope}'");
        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"Ditio:Environment '{options.Environment}' is not valid: use Test or Production.");
        }

        CheckUrl(failures, options.ApiBaseUrl, "ApiBaseUrl");
        CheckUrl(failures, options.IdentityBaseUrl, "IdentityBaseUrl");
        if (options.TokenRenewalMargin < TimeSpan.Zero || options.TokenRenewalMargin > TimeSpan.FromHours(1))
        {
            failures.Add($"Ditio:TokenRenewalMargin must be between 00:00:00 and 01:00:00 (was {options.TokenRenewalMargin}).");
        }

        if (options.MaxResponseBytes is < 1024 or >= int.MaxValue)
        {
            failures.Add($"Ditio:MaxResponseBytes must be between 1024 and {int.MaxValue - 1} (was {options.MaxResponseBytes}).");
        }

        if (options.ApplicationId is { Length: > 0 } applicationId
            && (applicationId.Length > DitioDocumentsOptions.MaxApplicationIdLength || !Telemetry.DitioUserAgent.IsToken(applicationId)))
        {
            failures.Add($"Ditio:ApplicationId '{applicationId}' must be at most {DitioDocumentsOptions.MaxApplicationIdLength} characters, each a letter, digit or one of ! # $ % & ' * + - . ^ _ ` | ~ (no spaces): it goes in the User-Agent header.");
        }

        if (options.Retry is null)
        {
            failures.Add("Ditio:Retry must not be null.");
        }
        else
        {
            CheckRetry(failures, options.Retry);
        }

        if (options.Transfers is null)
        {
            failures.Add("Ditio:Transfers must not be null.");
        }
        else
        {
            CheckTransfers(failures, options.Transfers);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTransfers(List<string> failures, DitioTransferOptions transfers)
    {
        if (transfers.MaxRequestBytes < 1024)
        {
            failures.Add($"Ditio:Transfers:MaxRequestBytes must be at least 1024 (was {transfers.MaxRequestBytes}).");
        }

        if (transfers.MaxParallelRequests is < 1 or > 64)
        {
            failures.Add($"Ditio:Transfers:MaxParallelRequests must be between 1 and 64 (was {transfers.MaxParallelRequests}).");
        }

        if (transfers.StallTimeout < TimeSpan.FromMilliseconds(10) || transfers.StallTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"Ditio:Transfers:StallTimeout must be between 00:00:00.010 and 1.00:00:00 (was {transfers.StallTimeout}).");
        }

        if (transfers.MaxFilesPerRequest is < 1 or > 1000)
        {
            failures.Add($"Ditio:Transfers:MaxFilesPerRequest must be between 1 and 1000 (was {transfers.MaxFilesPerRequest}).");
        }

        if (transfers.SocketSendBufferBytes is < 4096)
        {
            failures.Add($"Ditio:Transfers:SocketSendBufferBytes must be at least 4096, or unset for the system default (was {transfers.SocketSendBufferBytes}).");
        }

        if (transfers.MaxSvgBytes < 0)
        {
            failures.Add($"Ditio:Transfers:MaxSvgBytes must not be negative (was {transfers.MaxSvgBytes}).");
        }
    }

    private static void Require(List<string> failures, string? value, string setting, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Ditio:{setting} is required: set it to {what}.");
        }
    }

    private static void CheckUrl(List<string> failures, Uri? url, string setting)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Ditio:{setting} '{url}' must be an absolute https:// URL.");
        }
        else if (url.UserInfo.Length > 0)
        {
            // Never used (credentials go in ClientId and ClientSecret), and it would be shown wherever the URL is:
            // the message leaves it out.
            failures.Add($"Ditio:{setting} '{new UriBuilder(url) { UserName = "", Password = "" }.Uri}' must not have user info (user:password@): set ClientId and ClientSecret instead.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            failures.Add($"Ditio:{setting} '{url}' must use https://; http:// is allowed only for loopback addresses (localhost, 127.0.0.1, ::1).");
        }
        else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"Ditio:{setting} '{url}' must not have a query or fragment.");
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static void CheckRetry(List<string> failures, DitioRetryOptions retry)
    {
        if (retry.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"Ditio:Retry:MaxRetryAttempts must be between 0 and 10 (was {retry.MaxRetryAttempts}).");
        }

        InRange(failures, retry.BaseDelay, TimeSpan.Zero, "BaseDelay");
        InRange(failures, retry.MaxDelay, TimeSpan.Zero, "MaxDelay");
        InRange(failures, retry.AttemptTimeout, MinTimeout, "AttemptTimeout");
        InRange(failures, retry.TotalTimeout, MinTimeout, "TotalTimeout");
        if (retry.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"Ditio:Retry:MaxRetryAfter must not be negative (was {retry.MaxRetryAfter}).");
        }

        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"Ditio:Retry:MaxDelay ({retry.MaxDelay}) must not be shorter than Ditio:Retry:BaseDelay ({retry.BaseDelay}).");
        }

        if (retry.TotalTimeout < retry.AttemptTimeout)
        {
            failures.Add($"Ditio:Retry:TotalTimeout ({retry.TotalTimeout}) must not be shorter than Ditio:Retry:AttemptTimeout ({retry.AttemptTimeout}).");
        }
    }

    private static void InRange(List<string> failures, TimeSpan value, TimeSpan min, string setting)
    {
        if (value < min || value > TimeSpan.FromDays(1))
        {
            failures.Add($"Ditio:Retry:{setting} must be between {min} and 1.00:00:00 (was {value}).");
        }
    }
}

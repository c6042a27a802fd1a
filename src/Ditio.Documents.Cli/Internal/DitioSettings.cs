using Microsoft.Extensions.Options;

namespace Ditio.Documents.Cli.Internal;

/// <summary>The SDK options from the environment variables of the guide (DITIO_CLIENT_ID, ...).</summary>
internal static class DitioSettings
{
    public const string ClientIdVariable = "DITIO_CLIENT_ID";
    public const string ClientSecretVariable = "DITIO_CLIENT_SECRET";
    public const string EnvironmentVariable = "DITIO_ENVIRONMENT";
    public const string ApiBaseVariable = "DITIO_API_BASE";
    public const string IdentityBaseVariable = "DITIO_IDENTITY_BASE";

    public const string HelpText = """
        Settings (environment variables):
          DITIO_CLIENT_ID, DITIO_CLIENT_SECRET   your Ditio API client (required unless --emulator)
          DITIO_ENVIRONMENT                      Test (default) or Production
          DITIO_API_BASE, DITIO_IDENTITY_BASE    explicit base URLs, both together, overriding DITIO_ENVIRONMENT
                                                 (the lines 'ditio-docs emulator' prints set all four)
        """;

    private static readonly (string Setting, string Variable)[] Names =
    [
        ("Ditio:ClientId", ClientIdVariable),
        ("Ditio:ClientSecret", ClientSecretVariable),
        ("Ditio:Environment", EnvironmentVariable),
        ("Ditio:ApiBaseUrl", ApiBaseVariable),
        ("Ditio:IdentityBaseUrl", IdentityBaseVariable),
    ];

    /// <summary>Reads the settings; every problem is named by its variable, all in one message.</summary>
    /// <exception cref="CliUsageException">A setting is missing or invalid.</exception>
    public static DitioDocumentsOptions FromEnvironment(Func<string, string?> read)
    {
        string? Read(string name) => read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var problems = new List<string>();
        var options = new DitioDocumentsOptions { ClientId = Read(ClientIdVariable), ClientSecret = Read(ClientSecretVariable) };
        if (options.ClientId is null || options.ClientSecret is null)
        {
            var missing = new[] { ClientIdVariable, ClientSecretVariable }.Where(v => Read(v) is null);
            problems.Add($"{string.Join(" and ", missing)} must be set to your Ditio API client (or use --emulator to try ditio-docs on a local emulator)");
        }

        if (Read(EnvironmentVariable) is { } environment)
        {
            if (Enum.TryParse<DitioEnvironment>(environment, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(environment, out _))
            {
                options.Environment = parsed;
            }
            else
            {
                problems.Add($"{EnvironmentVariable} '{environment}' is not valid: use Test or Production");
            }
        }

        ReadUrls(Read(ApiBaseVariable), Read(IdentityBaseVariable), options, problems);
        return problems.Count == 0 ? options : throw new CliUsageException(string.Join("; ", problems) + ".");
    }

    /// <summary>The SDK's validation message with each setting's name replaced by its variable's.</summary>
    public static string Rename(OptionsValidationException exception)
    {
        var message = string.Join(" ", exception.Failures);
        foreach (var (setting, variable) in Names)
        {
            message = message.Replace(setting, variable, StringComparison.Ordinal);
        }

        return message;
    }

    private static void ReadUrls(string? api, string? identity, DitioDocumentsOptions options, List<string> problems)
    {
        if ((api is null) != (identity is null))
        {
            problems.Add($"{ApiBaseVariable} and {IdentityBaseVariable} go together: set both, or neither to use {EnvironmentVariable}");
            return;
        }

        options.ApiBaseUrl = Url(api, ApiBaseVariable, problems);
        options.IdentityBaseUrl = Url(identity, IdentityBaseVariable, problems);
    }

    private static Uri? Url(string? value, string variable, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return url;
        }

        problems.Add($"{variable} '{value}' is not an absolute URL");
        return null;
    }
}

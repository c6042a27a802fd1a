namespace Ditio.Documents.Quickstart;

/// <summary>Where the quickstart runs: the emulator unless Ditio credentials are in the environment.</summary>
internal sealed record QuickstartSettings(string? ClientId, string? ClientSecret, string? Environment, string? ApiBase, string? IdentityBase, string? ProjectNumber)
{
    public bool UseEmulator => string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret);

    public static QuickstartSettings FromEnvironment() => new(
        Read("DITIO_CLIENT_ID"),
        Read("DITIO_CLIENT_SECRET"),
        Read("DITIO_ENVIRONMENT"),
        Read("DITIO_API_BASE"),
        Read("DITIO_IDENTITY_BASE"),
        Read("DITIO_PROJECT_NUMBER"));

    public DitioDocumentsOptions ToOptions() => new()
    {
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Environment = Enum.TryParse<DitioEnvironment>(Environment, ignoreCase: true, out var environment) ? environment : DitioEnvironment.Test,
        ApiBaseUrl = ApiBase is null ? null : new Uri(ApiBase),
        IdentityBaseUrl = IdentityBase is null ? null : new Uri(IdentityBase),
    };

    private static string? Read(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

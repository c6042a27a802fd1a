namespace Ditio.Documents.Testing;

/// <summary>Ditio's published limits, as the SDK checks them before sending; the emulator enforces the same.</summary>
file static class DitioPublishedLimits
{
    private static readonly DitioTransferOptions Defaults = new();

    public static IEnumerable<string> RefusedExtensions => Defaults.RefusedExtensions;

    public static long MaxSvgBytes => Defaults.MaxSvgBytes;
}

/// <summary>Settings of a <see cref="DitioEmulator"/>.</summary>
public sealed class DitioEmulatorOptions
{
    /// <summary>The default for <see cref="MaxRequestBytes"/>: Ditio's limit of 30,000,000 bytes per upload request.</summary>
    public const long DefaultMaxRequestBytes = 30_000_000;

    /// <summary>Gets or sets the client id the token route accepts.</summary>
    /// <value>Defaults to <c>ditio-emulator</c>.</value>
    public string ClientId { get; set; } = "ditio-emulator";

    /// <summary>Gets or sets the client secret the token route accepts.</summary>
    /// <value>Defaults to <c>emulator-secret</c>.</value>
    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>Gets or sets how long issued tokens live.</summary>
    /// <value>Defaults to 30 minutes, Ditio's default.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets the largest upload request accepted; larger ones get 413 before anything is read.</summary>
    /// <value>Defaults to <see cref="DefaultMaxRequestBytes"/>.</value>
    public long MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>Gets the file extensions refused with 400 (trailing dots and spaces are ignored when checking).</summary>
    /// <value>Defaults to Ditio's list: <c>.html .htm .mht .mhtml .js .exe .ps1 .svgz</c>.</value>
    public ISet<string> RefusedExtensions { get; } = new HashSet<string>(DitioPublishedLimits.RefusedExtensions, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the largest SVG file accepted.</summary>
    /// <value>Defaults to 5 MiB.</value>
    public long MaxSvgBytes { get; set; } = DitioPublishedLimits.MaxSvgBytes;

    /// <summary>Gets or sets a value indicating whether the sample projects and work orders are added at start.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>Gets or sets the TCP port to listen on, on 127.0.0.1; 0 picks a free one.</summary>
    /// <value>Defaults to 0.</value>
    public int Port { get; set; }

    /// <summary>Gets or sets the clock for token lifetimes and document dates.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the folder under which the emulator keeps file bytes (a new sub-folder per emulator, removed on dispose).</summary>
    /// <value>Defaults to the system's temporary folder.</value>
    public string? StorageRoot { get; set; }
}

namespace Ditio.Documents;

/// <summary>Limits and pacing of uploads and downloads: request size, refused file types, parallelism, stall timeout.</summary>
/// <remarks>The defaults are Ditio's published limits; they are checked before anything is sent.</remarks>
public sealed class DitioTransferOptions
{
    /// <summary>The default for <see cref="MaxRequestBytes"/>: Ditio refuses an upload request of 30,000,000 bytes or more.</summary>
    public const long DefaultMaxRequestBytes = 30_000_000;

    /// <summary>The default for <see cref="MaxParallelRequests"/>: 4.</summary>
    public const int DefaultMaxParallelRequests = 4;

    /// <summary>Gets or sets the size an upload request (multipart overhead included) must stay under.</summary>
    /// <value>Defaults to <see cref="DefaultMaxRequestBytes"/>.</value>
    public long MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>Gets or sets how many upload requests <c>UploadManyAsync</c> sends at once.</summary>
    /// <value>Defaults to <see cref="DefaultMaxParallelRequests"/>.</value>
    public int MaxParallelRequests { get; set; } = DefaultMaxParallelRequests;

    /// <summary>The default for <see cref="MaxFilesPerRequest"/>: 20.</summary>
    public const int DefaultMaxFilesPerRequest = 20;

    /// <summary>Gets or sets how many files <c>UploadManyAsync</c> and sync put in one request at most.</summary>
    /// <value>
    /// Defaults to <see cref="DefaultMaxFilesPerRequest"/>: small enough that a failed request fails few files and
    /// parallel requests share the work, large enough that small files do not cost a request each.
    /// </value>
    public int MaxFilesPerRequest { get; set; } = DefaultMaxFilesPerRequest;

    /// <summary>Gets or sets how long a transfer may go without moving a byte before it fails with a timeout.</summary>
    /// <value>Defaults to 60 seconds. A slow transfer that keeps moving never times out; cancel it with the token.</value>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the file extensions Ditio refuses (web pages, scripts, executables); trailing dots and spaces are ignored when checking.</summary>
    /// <value>Defaults to <c>.html .htm .mht .mhtml .js .exe .ps1 .svgz</c>.</value>
    public ISet<string> RefusedExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".mht", ".mhtml", ".js", ".exe", ".ps1", ".svgz",
    };

    /// <summary>Gets or sets the largest SVG file accepted.</summary>
    /// <value>Defaults to 5 MiB.</value>
    public long MaxSvgBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the socket send buffer of Ditio connections, in bytes; <see langword="null"/> leaves it to the
    /// operating system.
    /// </summary>
    /// <value>
    /// Defaults to 1 MiB. The operating system may otherwise park several megabytes of an upload in its buffers, which a
    /// site connection of 200 KB/s takes many seconds to drain while the SDK sees no progress; a bounded buffer keeps
    /// progress reports and the stall timeout true to the wire. Raise it (or set <see langword="null"/>) for links
    /// whose bandwidth times round-trip time exceeds it. On .NET Framework it does not apply (its HTTP stack does not
    /// let a client set it), and the operating system's default is used.
    /// </value>
    public int? SocketSendBufferBytes { get; set; } = 1024 * 1024;

    internal DitioTransferOptions Clone()
    {
        var clone = new DitioTransferOptions
        {
            MaxRequestBytes = MaxRequestBytes,
            MaxParallelRequests = MaxParallelRequests,
            MaxFilesPerRequest = MaxFilesPerRequest,
            StallTimeout = StallTimeout,
            MaxSvgBytes = MaxSvgBytes,
            SocketSendBufferBytes = SocketSendBufferBytes,
        };
        clone.RefusedExtensions.Clear();
        clone.RefusedExtensions.UnionWith(RefusedExtensions);
        return clone;
    }
}

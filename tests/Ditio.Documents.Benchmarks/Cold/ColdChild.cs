using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using Ditio.Documents.Benchmarks.Bench;
using Ditio.Documents.Benchmarks.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ditio.Documents.Benchmarks.Cold;

/// <summary>
/// <c>cold-child --client sdk|sdk-di|raw --op upload|list --api URL --t0 TIMESTAMP [--trace]</c>: one first call in a fresh
/// process. TIMESTAMP is the parent's <see cref="Stopwatch.GetTimestamp"/> just before it started this process (the
/// monotonic clock is system-wide on Linux), so every checkpoint is measured from the parent's <c>Process.Start</c>.
/// Prints one <c>cold-result</c> line of checkpoints; with <c>--trace</c>, the HTTP and SDK spans of the call too.
/// </summary>
internal static class ColdChild
{
    public const string ResultPrefix = "cold-result ";
    public const int UploadBytes = 1024 * 1024;
    private const string Route = "api/v4/integration/projects/p1/documents";

    public static async Task<int> RunAsync(string[] args)
    {
        var main = Stopwatch.GetTimestamp();
        var t0 = long.Parse(Option(args, "--t0"), CultureInfo.InvariantCulture);
        var client = Option(args, "--client");
        var op = Option(args, "--op");
        var server = new Uri(Option(args, "--api"));
        var checkpoints = new List<(string Name, long At, TimeSpan Jit, long Methods)> { ("main", main, JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount()) };
        void Mark(string name) => checkpoints.Add((name, Stopwatch.GetTimestamp(), JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount()));

        using var trace = Array.IndexOf(args, "--trace") >= 0 ? new SpanTrace(t0) : null;
        using var jit = Array.IndexOf(args, "--trace") >= 0 ? new JitByAssembly() : null;
        var ok = client switch
        {
            "sdk" => await SdkAsync(server, op, Mark),
            "sdk-di" => await SdkThroughDiAsync(server, op, Mark),
            "raw" => await RawAsync(server, op, Mark),
            _ => throw new ArgumentException($"unknown client '{client}'", nameof(args)),
        };

        var line = string.Join(' ', checkpoints.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Name}={Stopwatch.GetElapsedTime(t0, c.At).TotalMilliseconds:F1}/{c.Jit.TotalMilliseconds:F1}/{c.Methods}")));
        Console.WriteLine(ResultPrefix + line + $" assemblies={AppDomain.CurrentDomain.GetAssemblies().Length}");
        trace?.Print();
        jit?.Print();
        if (trace is not null)
        {
            Console.WriteLine("cold-trace assemblies loaded: " + string.Join(' ', AppDomain.CurrentDomain.GetAssemblies()
                .Select(a => a.Location).Order(StringComparer.Ordinal).Select(l => l.Contains("/shared/", StringComparison.Ordinal) ? "[framework]" + Path.GetFileNameWithoutExtension(l) : Path.GetFileNameWithoutExtension(l))));
        }
        return ok ? 0 : 1;
    }

    private static async Task<bool> SdkAsync(Uri server, string op, Action<string> mark)
    {
        var options = new DitioDocumentsOptions
        {
            ApiBaseUrl = new Uri(server, "core"),
            IdentityBaseUrl = new Uri(server, "identity"),
            ClientId = SdkClients.ClientId,
            ClientSecret = SdkClients.ClientSecret,
        };
        mark("options");
        using var sdk = DitioDocumentsClient.Create(options);
        mark("create");
        var target = DocumentTarget.Project("p1");
        bool ok;
        if (op == "upload")
        {
            using var file = new SyntheticStream(UploadBytes);
            var result = await sdk.UploadAsync(target, [DocumentUploadFile.FromStream(file, "cold.pdf")]);
            ok = result.Files.Count == 1;
        }
        else
        {
            ok = (await sdk.GetPagesAsync(target)).Count == 3;
        }

        mark("call");
        return ok;
    }

    /// <summary>What <c>Create</c> does, step by step, as an application with DI does it: register, build the container, resolve.</summary>
    private static async Task<bool> SdkThroughDiAsync(Uri server, string op, Action<string> mark)
    {
        var services = new ServiceCollection();
        mark("options");
        services.AddDitioDocuments(o =>
        {
            o.ApiBaseUrl = new Uri(server, "core");
            o.IdentityBaseUrl = new Uri(server, "identity");
            o.ClientId = SdkClients.ClientId;
            o.ClientSecret = SdkClients.ClientSecret;
        });
        mark("register");
        await using var provider = services.BuildServiceProvider();
        mark("container");
        var options = provider.GetRequiredService<IOptionsMonitor<DitioDocumentsOptions>>().Get(Options.DefaultName);
        mark("validated");
        var sdk = provider.GetRequiredService<IDitioDocumentsClient>();
        mark("create");
        var target = DocumentTarget.Project("p1");
        var ok = op == "upload"
            ? (await sdk.UploadAsync(target, [DocumentUploadFile.FromStream(new SyntheticStream(UploadBytes), "cold.pdf")])).Files.Count == 1
            : (await sdk.GetPagesAsync(target)).Count == 3;
        mark("call");
        return ok && options.ClientId is { Length: > 0 };
    }

    private static async Task<bool> RawAsync(Uri server, string op, Action<string> mark)
    {
        using var http = new HttpClient();
        mark("create");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SdkClients.ClientId,
            ["client_secret"] = SdkClients.ClientSecret,
            ["scope"] = "ditioapiv3",
        });
        using var tokenResponse = await http.PostAsync(new Uri(server, "identity/connect/token"), form);
        tokenResponse.EnsureSuccessStatusCode();
        var token = await tokenResponse.Content.ReadFromJsonAsync<RawToken>(RawJson.Options);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Access_Token);
        mark("token");
        var documents = new Uri(server, "core/" + Route);
        bool ok;
        if (op == "upload")
        {
            using var content = new MultipartFormDataContent();
            var part = new StreamContent(new SyntheticStream(UploadBytes));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "file", "cold.pdf");
            using var response = await http.PostAsync(documents, content);
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<RawUploadResult>(RawJson.Options);
            ok = result!.Files.Count == 1;
        }
        else
        {
            var pages = await http.GetFromJsonAsync<List<RawPage>>(documents, RawJson.Options);
            ok = pages!.Count == 3;
        }

        mark("call");
        return ok;
    }

    private static string Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"cold-child needs {name}.", nameof(args));
    }

    /// <summary>Records when each span of the HttpClient and of the SDK started and stopped, from the parent's t0.</summary>
    private sealed class SpanTrace : IDisposable
    {
        private readonly long _t0;
        private readonly ActivityListener _listener;
        private readonly List<string> _lines = [];

        public SpanTrace(long t0)
        {
            _t0 = t0;
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name is "System.Net.Http" or "Ditio.Documents",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = a => Add("start", a),
                ActivityStopped = a => Add("stop ", a),
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Print() => _lines.ForEach(l => Console.WriteLine("cold-trace " + l));

        public void Dispose() => _listener.Dispose();

        private void Add(string what, Activity activity)
        {
            var now = Stopwatch.GetElapsedTime(_t0).TotalMilliseconds;
            var url = activity.GetTagItem("url.full") as string;
            lock (_lines)
            {
                _lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{now,7:F1} ms  jit {JitInfo.GetCompilationTime().TotalMilliseconds,6:F1} ms  {what} {activity.Source.Name}: {activity.DisplayName} {(url is null ? "" : new Uri(url).AbsolutePath)}"));
            }
        }
    }

    /// <summary>
    /// Counts the methods the JIT compiles, and the time from each one's <c>MethodJittingStarted</c> to its
    /// <c>MethodLoadVerbose</c> event, by the namespace of their type (first three parts, four for the SDK; generic instantiations count
    /// where their type is declared). Its own overhead makes the run slower: read it for the shares only.
    /// </summary>
    private sealed class JitByAssembly : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<ulong, DateTime> _started = [];
        private readonly Dictionary<string, (int Count, double Ms)> _byNamespace = [];

        public void Print()
        {
            lock (_byNamespace)
            {
                var total = _byNamespace.Values.Sum(v => v.Ms);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold-trace JIT by namespace (methods, ms, share of {total:F0} ms between JIT events):"));
                foreach (var (ns, (count, ms)) in _byNamespace.OrderByDescending(p => p.Value.Ms).Take(14))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold-trace   {ns,-42} {count,5} {ms,7:F1} ms {ms / total,5:P0}"));
                }
            }
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x10);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not ("MethodJittingStarted_V1" or "MethodLoadVerbose_V1" or "MethodLoadVerbose_V2") || eventData.Payload is null)
            {
                return;
            }

            var id = Convert.ToUInt64(eventData.Payload[eventData.PayloadNames!.IndexOf("MethodID")], CultureInfo.InvariantCulture);
            lock (_byNamespace)
            {
                if (eventData.EventName == "MethodJittingStarted_V1")
                {
                    _started[id] = eventData.TimeStamp;
                    return;
                }

                if (!_started.Remove(id, out var started))
                {
                    return;
                }

                var type = eventData.Payload[eventData.PayloadNames.IndexOf("MethodNamespace")] as string ?? "?";
                var parts = type.Split('[', '`', '<')[0].Split('.');
                var ns = string.Join('.', parts.Take(parts[0] == "Ditio" ? 4 : 3));
                var (count, ms) = _byNamespace.GetValueOrDefault(ns);
                _byNamespace[ns] = (count + 1, ms + (eventData.TimeStamp - started).TotalMilliseconds);
            }
        }
    }

    private sealed record RawToken(string Access_Token, int Expires_In);
}

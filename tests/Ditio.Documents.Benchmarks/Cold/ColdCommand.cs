using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Ditio.Documents.Benchmarks.Transfer;

namespace Ditio.Documents.Benchmarks.Cold;

/// <summary>
/// <c>cold [--rounds N] [--cli-rounds N] [--env NAME=VALUE]... [--cli "PATH [NAME=VALUE]..."]... [--cli-only]</c> (PATH: a ditio-docs.dll or a native ditio-docs): the first call in a fresh process, SDK against raw
/// HttpClient, against the sink in another process: (a) token + upload of 1 MiB, (b) token + list. Every measurement is
/// a new child process (<c>cold-child</c>), SDK and raw interleaved, the order alternating between rounds. Then
/// <c>ditio-docs --help</c> and <c>ditio-docs projects</c> (against a <c>ditio-emulator</c> process), fresh each time.
/// Never in CI: it takes a minute or two and its figures depend on the machine's load.
/// </summary>
internal static class ColdCommand
{
    private static readonly string[] Stages = ["main", "options", "register", "container", "validated", "create", "token", "call"];

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var rounds = Option("--rounds", 15);
        var cliRounds = Option("--cli-rounds", rounds);
        List<string> Options(string name) => args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
        var env = Options("--env");
        var clis = Options("--cli");

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine(env.Count == 0 ? "child environment: unchanged" : $"child environment: {string.Join(' ', env)}");
        if (Array.IndexOf(args, "--cli-only") < 0)
        {
            await MeasureSdkAndRawAsync(rounds, env);
        }

        await MeasureCliAsync(cliRounds, env, clis);
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static async Task MeasureSdkAndRawAsync(int rounds, List<string> env)
    {
        await using (var sink = await SinkProcess.StartAsync())
        {
            Console.WriteLine($"sink: {sink.Address} (Kestrel, separate process); {rounds} rounds, 1 unmeasured; wall = parent's Process.Start to the child's exit");
            foreach (var op in new[] { "upload", "list" })
            {
                await MeasureAsync(sink.Address, op, rounds, env);
            }

            // Create's steps, one at a time, through DI (register, build the container, options bound and validated, resolve the client).
            var steps = new List<ChildRun>();
            for (var i = 0; i < 8; i++)
            {
                var run = await RunChildAsync(sink.Address, "sdk-di", "upload", env, trace: false);
                if (i > 0)
                {
                    steps.Add(run);
                }
            }

            Console.WriteLine($"(a) through DI instead of Create, 7 runs, load average {LoadAverage()}: wall median {Median(steps.Select(r => r.Wall)):F0} ms");
            PrintStages(steps);

            foreach (var (client, op) in new[] { ("sdk", "upload"), ("raw", "upload") })
            {
                var run = await RunChildAsync(sink.Address, client, op, env, trace: true);
                Console.WriteLine($"trace, one {client} {op} run (ms from Process.Start; JIT time so far):");
                run.Trace.ForEach(l => Console.WriteLine("  " + l));
            }
        }
    }

    private static async Task MeasureAsync(Uri server, string op, int rounds, List<string> env)
    {
        var runs = new Dictionary<string, List<ChildRun>> { ["sdk"] = [], ["raw"] = [] };
        for (var round = -1; round < rounds; round++)
        {
            foreach (var client in round % 2 == 0 ? new[] { "sdk", "raw" } : ["raw", "sdk"])
            {
                var run = await RunChildAsync(server, client, op, env, trace: false);
                if (round >= 0)
                {
                    runs[client].Add(run);
                }
            }
        }

        var label = op == "upload" ? "(a) token + first upload of 1 MiB" : "(b) token + first list";
        Console.WriteLine($"{label}, load average {LoadAverage()}:");
        foreach (var (client, list) in runs)
        {
            Console.WriteLine(Invariant($"  {client}: wall median {Median(list.Select(r => r.Wall)):F0} ms [{string.Join(", ", list.Select(r => r.Wall.ToString("F0", CultureInfo.InvariantCulture)))}]"));
            PrintStages(list);
        }

        var ratio = Median(runs["sdk"].Select(r => r.Wall)) / Median(runs["raw"].Select(r => r.Wall));
        var paired = Median(runs["sdk"].Zip(runs["raw"], (s, r) => s.Wall / r.Wall));
        var callRatio = Median(runs["sdk"].Select(r => r.Stages["call"].At)) / Median(runs["raw"].Select(r => r.Stages["call"].At));
        Console.WriteLine(Invariant($"  SDK/raw: wall {ratio:F2} (per-round median {paired:F2}); Process.Start to call done {callRatio:F2}"));
    }

    private static void PrintStages(List<ChildRun> list)
    {
        var stages = Stages.Where(s => list[0].Stages.ContainsKey(s)).ToList();
        Console.WriteLine("      checkpoint medians, ms from Process.Start (JIT ms so far, methods jitted so far): " + string.Join("  ", stages.Select(s =>
            Invariant($"{s} {Median(list.Select(r => r.Stages[s].At)):F0} ({Median(list.Select(r => r.Stages[s].Jit)):F0}, {Median(list.Select(r => (double)r.Stages[s].Methods)):F0})"))));
        Console.WriteLine($"      assemblies loaded: {list[0].Assemblies}");
    }

    private static async Task<ChildRun> RunChildAsync(Uri server, string client, string op, List<string> env, bool trace)
    {
        string[] arguments = ["cold-child", "--client", client, "--op", op, "--api", server.ToString(), "--t0", "T0"];
        var start = ChildStart(trace ? [.. arguments, "--trace"] : arguments, env);
        var t0 = Stopwatch.GetTimestamp();
        start.ArgumentList[start.ArgumentList.IndexOf("T0")] = t0.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the child");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = lines.FirstOrDefault(l => l.StartsWith(ColdChild.ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"cold-child {client} {op} failed (exit {process.ExitCode}): {output} {await process.StandardError.ReadToEndAsync()}");
        }

        var stages = new Dictionary<string, (double At, double Jit, long Methods)>();
        var assemblies = 0;
        foreach (var field in result[ColdChild.ResultPrefix.Length..].Split(' '))
        {
            var (name, value) = (field[..field.IndexOf('=')], field[(field.IndexOf('=') + 1)..]);
            if (name == "assemblies")
            {
                assemblies = int.Parse(value, CultureInfo.InvariantCulture);
                continue;
            }

            var parts = value.Split('/');
            stages[name] = (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return new ChildRun(wall, stages, assemblies, lines.Where(l => l.StartsWith("cold-trace ", StringComparison.Ordinal)).Select(l => l["cold-trace ".Length..]).ToList());
    }

    private static ProcessStartInfo ChildStart(string[] arguments, List<string> env)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ColdCommand).Assembly.Location);
        }

        arguments.ToList().ForEach(start.ArgumentList.Add);
        AddEnvironment(start, env);
        return start;
    }

    private static void AddEnvironment(ProcessStartInfo start, List<string> env)
    {
        foreach (var pair in env)
        {
            start.Environment[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
        }
    }

    /// <summary>
    /// <c>ditio-docs --help</c> and <c>ditio-docs projects</c>, each a fresh process, interleaved: the build's
    /// ditio-docs.dll, then each <c>--cli "PATH [NAME=VALUE]..."</c> (another build of it, such as a ReadyToRun publish,
    /// the Native AOT binary, or <c>built</c> again, with environment variables of its own). A PATH ending in .dll runs
    /// as <c>dotnet PATH</c>; any other PATH is an executable, run as it is (no dotnet host).
    /// </summary>
    private static async Task MeasureCliAsync(int rounds, List<string> env, List<string> otherClis)
    {
        var built = typeof(ColdCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DitioCliPath").Value!;
        var emulatorDll = Path.Combine(Path.GetDirectoryName(built)!, "emulator", "ditio-emulator.dll");
        var emulatorStart = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { emulatorDll, "--port", "0", "--exit-when-stdin-closes" })
        {
            emulatorStart.ArgumentList.Add(a);
        }

        using var emulator = Process.Start(emulatorStart) ?? throw new InvalidOperationException("could not start ditio-emulator");
        var ditio = new Dictionary<string, string>();
        while (ditio.Count < 4 && await emulator.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("export DITIO_", StringComparison.Ordinal))
            {
                ditio[line["export ".Length..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
            }
        }

        // Each --cli is "PATH [NAME=VALUE]...": another ditio-docs.dll or a native ditio-docs ("built" for the build's own), with environment of its own.
        var variants = new List<(string Label, string Path, List<string> Env)> { ("built", built, []) };
        foreach (var spec in otherClis)
        {
            var words = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            variants.Add((spec, words[0] == "built" ? built : Path.GetFullPath(words[0]), [.. words.Skip(1)]));
        }

        var commands = variants.SelectMany(v => new[] { (Variant: v, Command: "--help"), (Variant: v, Command: "projects") }).ToArray();
        var times = commands.ToDictionary(c => (c.Variant.Label, c.Command), _ => new List<double>());
        try
        {
            for (var round = -1; round < rounds; round++)
            {
                foreach (var (variant, command) in round % 2 == 0 ? commands : commands.Reverse())
                {
                    var start = CliStart(variant.Path);
                    start.ArgumentList.Add(command);
                    foreach (var (name, value) in ditio)
                    {
                        start.Environment[name] = value;
                    }

                    AddEnvironment(start, [.. env, .. variant.Env]);
                    var t0 = Stopwatch.GetTimestamp();
                    using var process = Process.Start(start)!;
                    var output = await process.StandardOutput.ReadToEndAsync();
                    await process.WaitForExitAsync();
                    var wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    if (process.ExitCode != 0)
                    {
                        throw new InvalidOperationException($"{variant.Path} {command} failed (exit {process.ExitCode}): {output}");
                    }

                    if (round >= 0)
                    {
                        times[(variant.Label, command)].Add(wall);
                    }
                }
            }
        }
        finally
        {
            emulator.StandardInput.Close();
            await emulator.WaitForExitAsync();
        }

        Console.WriteLine($"ditio-docs, {rounds} rounds, 1 unmeasured, `dotnet <dll>` or `<native executable>`, fresh process each, interleaved, against ditio-emulator (separate process), load average {LoadAverage()}:");
        Console.WriteLine($"  built = {built}");
        foreach (var ((label, command), list) in times)
        {
            Console.WriteLine(Invariant($"  {label} {command,-9} median {Median(list):F0} ms [{string.Join(", ", list.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}]"));
        }
    }

    /// <summary><c>dotnet PATH</c> for a ditio-docs.dll; PATH itself for a native executable (Native AOT, or an app host).</summary>
    private static ProcessStartInfo CliStart(string path)
    {
        var dll = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (dll)
        {
            start.ArgumentList.Add(path);
        }

        return start;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record ChildRun(double Wall, Dictionary<string, (double At, double Jit, long Methods)> Stages, int Assemblies, List<string> Trace);
}

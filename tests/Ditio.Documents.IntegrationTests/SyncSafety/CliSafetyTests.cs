using System.Net;
using System.Net.Sockets;
using Ditio.Documents.IntegrationTests.Cli;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.SyncSafety;

/// <summary>Rules 1, 12 and 13 with ditio-docs as a real process: get never overwrites, names print escaped, exit codes hold.</summary>
public sealed class CliSafetyTests : IDisposable
{
    private readonly TestFiles _files = new();

    private string Folder => _files.Folder;

    [Fact]
    public async Task Get_AnExistingFile_IsLeftUntouched_Exit1_NamingTheFile_UntilOverwrite()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var document = emulator.AddDocument(DitioEmulator.SampleProjectId, "plan.pdf", SafetyJournal.Bytes(100, 1));
        var mine = _files.Write("plan.pdf", 10, seed: 9);
        var other = _files.Write("other.pdf", 10, seed: 8);
        var before = File.ReadAllBytes(mine);

        var implicitName = await GetAsync(emulator, document.FileReferenceId);
        var untouched = File.ReadAllBytes(mine);
        var explicitPath = await GetAsync(emulator, document.FileReferenceId, "-o", other);
        var overwrite = await GetAsync(emulator, document.FileReferenceId, "--overwrite");

        Assert.Equal(1, implicitName.ExitCode);
        Assert.Equal($"ditio-docs: error: '{mine}' already exists and was left untouched: use --overwrite to replace it, or -o PATH to write elsewhere.", implicitName.Stderr.Trim());
        Assert.Equal(before, untouched);
        Assert.Equal(1, explicitPath.ExitCode);
        Assert.Contains(other, explicitPath.Stderr, StringComparison.Ordinal);
        Assert.True(overwrite.ExitCode == 0, overwrite.ToString());
        Assert.Equal(document.Sha256, TestFiles.Sha256(mine));
        Assert.Equal(["other.pdf", "plan.pdf"], Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(".ditio-sync.json", "ditio-sync.json")]
    [InlineData(".bashrc", "bashrc")]
    [InlineData("../../escape.pdf", "escape.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    public async Task Get_AServerNameThatWouldBeADotfileOrEscape_IsMadeSafe_AndTheManifestIsUntouched(string served, string expected)
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var document = emulator.AddDocument(DitioEmulator.SampleProjectId, served, SafetyJournal.Bytes(100, 1));
        var manifest = _files.Write(DocumentSyncOptions.DefaultManifestFileName, 10);
        var before = File.ReadAllBytes(manifest);

        var run = await GetAsync(emulator, document.FileReferenceId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, File.ReadAllBytes(manifest));
        Assert.Equal(document.Sha256, TestFiles.Sha256(Path.Combine(Folder, expected)));
        Assert.Equal(2, Directory.GetFiles(Folder).Length);
    }

    [Fact]
    public async Task Get_ANameOver255Bytes_IsShortened_AndNoTemporaryFileIsLeft()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var name = string.Concat(Enumerable.Repeat("Tegning-Ærfugl-", 20)) + ".pdf";
        var document = emulator.AddDocument(DitioEmulator.SampleProjectId, name, SafetyJournal.Bytes(100, 1));

        var run = await GetAsync(emulator, document.FileReferenceId);

        Assert.True(run.ExitCode == 0, run.ToString());
        var written = Assert.Single(Directory.GetFiles(Folder));
        Assert.EndsWith(".pdf", written, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(written)) <= 255);
    }

    [Fact]
    public async Task Get_AFailedDownload_LeavesNoTemporaryFile_AndNoStackTrace()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var document = emulator.AddDocument(DitioEmulator.SampleProjectId, "plan.pdf", SafetyJournal.Bytes(100_000, 1));
        emulator.Faults.DropNext(10, "GET", document.FileReferenceId, EmulatorFaultKind.DropAfterBody);
        emulator.Faults.FailNext(10, "GET", document.FileReferenceId, 500);

        var run = await GetAsync(emulator, document.FileReferenceId);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFileSystemEntries(Folder));
    }

    [Fact]
    public async Task ControlCharactersInNames_ArePrintedEscaped_InGetLsAndSync()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        const string hostile = "plan\u001b[2J\r\nFAKE\u202e.pdf";
        var document = emulator.AddDocument(DitioEmulator.SampleProjectId, hostile, SafetyJournal.Bytes(100, 1));
        _files.Write("ok.pdf", 10);

        var ls = await DitioDocsProcess.RunAsync(emulator, "ls", DitioEmulator.SampleProjectNumber);
        var get = await GetAsync(emulator, document.FileReferenceId, "-o", Path.Combine(Folder, "out.pdf"));

        var escaped = @"plan\x1b[2J\r\nFAKE\u202e.pdf";
        Assert.Contains(escaped, ls.Stdout, StringComparison.Ordinal);
        Assert.Contains(escaped, get.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', ls.Stdout + get.Stdout + ls.Stderr + get.Stderr);
        Assert.DoesNotContain('\u202e', ls.Stdout + get.Stdout);
    }

    [Fact]
    public async Task Exit1_WhenTheIdentityServerOrTheApiIsUnreachable()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        var closed = $"http://127.0.0.1:{ClosedPort()}/";
        var noIdentity = DitioDocsProcess.EnvironmentFor(emulator);
        noIdentity["DITIO_IDENTITY_BASE"] = closed;
        var noApi = DitioDocsProcess.EnvironmentFor(emulator);
        noApi["DITIO_API_BASE"] = closed;

        var identity = await DitioDocsProcess.RunAsync(noIdentity, null, "projects");
        var api = await DitioDocsProcess.RunAsync(noApi, null, "projects");

        Assert.True(identity.ExitCode == 1, identity.ToString());
        Assert.True(api.ExitCode == 1, api.ToString());
        Assert.DoesNotContain(emulator.ClientSecret, identity.Stderr + api.Stderr + identity.Stdout + api.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", identity.Stderr + api.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("push P-2026-001 a.pdf --bogus")]
    [InlineData("push P-2026-001 --bogus a.pdf")]
    [InlineData("sync FOLDER P-2026-001 --bogus")]
    [InlineData("get P-2026-001 e0 --bogus")]
    [InlineData("sync FOLDER P-2026-001 --max-delete -1")]
    [InlineData("sync FOLDER P-2026-001 --exclude")]
    public async Task Exit2_ForAnUnknownOptionOrBadValue_AndNothingIsSent(string line)
    {
        var args = line.Split(' ');
        await using var emulator = await DitioEmulator.StartAsync();
        _files.Write("a.pdf", 10);

        var run = await DitioDocsProcess.RunAsync(DitioDocsProcess.EnvironmentFor(emulator), Folder, [.. args.Select(a => a == "FOLDER" ? Folder : a)]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("ditio-docs: error: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.True(!line.Contains("--bogus", StringComparison.Ordinal) || run.Stderr.Contains("'--bogus'", StringComparison.Ordinal), run.ToString());
        Assert.Empty(emulator.Journal);
    }

    [Fact]
    public async Task Push_AFileWhoseNameStartsWithADash_GoesAfterDoubleDash()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        _files.Write("-draft.pdf", 10);

        var run = await DitioDocsProcess.RunAsync(DitioDocsProcess.EnvironmentFor(emulator), Folder, "push", DitioEmulator.SampleProjectNumber, "--", "-draft.pdf");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["-draft.pdf"], emulator.Names());
    }

    [Fact]
    public async Task Push_ANamedPipe_NeverHangs()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(Folder, "pipe.pdf")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await DitioDocsProcess.RunAsync(DitioDocsProcess.EnvironmentFor(emulator), Folder, "push", DitioEmulator.SampleProjectNumber, "pipe.pdf");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, emulator.GetDocuments().Single().Size);
    }

    private Task<CliRun> GetAsync(DitioEmulator emulator, string id, params string[] extra) =>
        DitioDocsProcess.RunAsync(DitioDocsProcess.EnvironmentFor(emulator), Folder, ["get", DitioEmulator.SampleProjectNumber, id, .. extra]);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _files.Dispose();
}

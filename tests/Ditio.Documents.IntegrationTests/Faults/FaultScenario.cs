using System.Security.Cryptography;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Faults;

/// <summary>
/// One operation of the matrix against a fresh emulator: the documents it starts with, the fault's method and path,
/// the call itself (checking what a successful call returns), and the documents expected afterwards.
/// </summary>
public sealed class FaultScenario
{
    public const string TokenPath = "/identity/connect/token";
    private const string Section = "Drawings";

    private readonly EmulatorSdk _sdk;
    private readonly MatrixOperation _operation;
    private readonly List<(string Name, string Sha256)> _before = [];
    private string _seedPath = "";
    private string _targetPath = "";
    private string _newPath = "";
    private string _targetId = "";

    private FaultScenario(EmulatorSdk sdk, MatrixOperation operation)
    {
        _sdk = sdk;
        _operation = operation;
        (Method, PathContains) = operation switch
        {
            MatrixOperation.Token => ("POST", "connect/token"),
            MatrixOperation.GetProjects => ("GET", "/integration/projects"),
            MatrixOperation.FindProjectByNumber => ("GET", "/projects/by-project-number/"),
            MatrixOperation.GetWorkOrders => ("GET", "/tasks/project/"),
            MatrixOperation.UploadWithoutReplace or MatrixOperation.UploadWithReplace => ("POST", "/documents"),
            MatrixOperation.GetPages => ("GET", "/documents"),
            MatrixOperation.Download => ("GET", "/documents/"),
            _ => ("DELETE", "/documents/"),
        };
    }

    /// <summary>Gets the HTTP method the fault matches.</summary>
    public string Method { get; }

    /// <summary>Gets the piece of path the fault matches.</summary>
    public string PathContains { get; }

    /// <summary>
    /// Starts the scenario. Every operation but <see cref="MatrixOperation.Token"/> first uploads <c>Seed.pdf</c> and
    /// <c>Target.pdf</c> in one request, which also fetches the token and opens a pooled connection, as a long-running
    /// client would. The journal is not cleared (an entry is written when its request completes, which can be after
    /// the client saw the answer, so clearing could race); <see cref="SetupRequests"/> are told apart instead.
    /// </summary>
    public static async Task<FaultScenario> PrepareAsync(EmulatorSdk sdk, TestFiles files, MatrixOperation operation)
    {
        var scenario = new FaultScenario(sdk, operation);
        if (operation != MatrixOperation.Token)
        {
            scenario._seedPath = files.Write("Seed.pdf", 20_000, seed: 1);
            scenario._targetPath = files.Write("Target.pdf", 30_000, seed: 2);
            scenario._newPath = files.Write(operation == MatrixOperation.UploadWithReplace ? "Target-v2.pdf" : "New.pdf", 25_000, seed: 3);
            var uploaded = await sdk.Client.UploadAsync(
                sdk.Project,
                [DocumentUploadFile.FromPath(scenario._seedPath), DocumentUploadFile.FromPath(scenario._targetPath)],
                new DocumentUploadOptions { Section = Section });
            scenario._targetId = uploaded.Files[1].FileReferenceId!;
            scenario._before.Add(("Seed.pdf", TestFiles.Sha256(scenario._seedPath)));
            scenario._before.Add(("Target.pdf", TestFiles.Sha256(scenario._targetPath)));
            Assert.Equal(scenario._before.Order(), Stored(sdk));
        }

        return scenario;
    }

    public static IReadOnlyList<(string Name, string Sha256)> Stored(EmulatorSdk sdk) =>
        [.. sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId).Select(d => (d.Name, d.Sha256)).Order()];

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="count"/> requests of this operation.</summary>
    public void Inject(MatrixFault fault, int count)
    {
        if (FaultMatrix.StatusOf(fault) is { } status)
        {
            _sdk.Emulator.Faults.FailNext(count, Method, PathContains, status, FaultMatrix.RetryAfterOf(fault));
        }
        else
        {
            _sdk.Emulator.Faults.DropNext(count, Method, PathContains, FaultMatrix.KindOf(fault));
        }
    }

    /// <summary>Makes the call; when it returns, checks what it returned.</summary>
    public async Task RunAsync()
    {
        var client = _sdk.Client;
        switch (_operation)
        {
            case MatrixOperation.Token or MatrixOperation.GetProjects:
                Assert.Contains(await client.GetProjectsAsync(), p => p.Id == DitioEmulator.SampleProjectId);
                break;
            case MatrixOperation.FindProjectByNumber:
                Assert.Equal(DitioEmulator.SampleProjectId, (await client.FindProjectByNumberAsync(DitioEmulator.SampleProjectNumber))?.Id);
                break;
            case MatrixOperation.GetWorkOrders:
                Assert.Equal(["WO-100", "WO-101"], (await client.GetWorkOrdersAsync(DitioEmulator.SampleProjectId)).Select(w => w.ExternalId));
                break;
            case MatrixOperation.UploadWithoutReplace:
                var created = await client.UploadFileAsync(_sdk.Project, _newPath, new DocumentUploadOptions { Section = Section });
                Assert.Equal(["New.pdf"], created.Files.Select(f => f.Name));
                Assert.Equal(["New.pdf", "Seed.pdf", "Target.pdf"], created.PageFiles.Select(f => f.Name).Order());
                break;
            case MatrixOperation.UploadWithReplace:
                var replaced = await client.UploadAsync(
                    _sdk.Project,
                    [DocumentUploadFile.FromPath(_newPath, "Target.pdf")],
                    new DocumentUploadOptions { Section = Section, ReplaceExistingFilesWithSameName = true });
                Assert.Equal(["Target.pdf"], replaced.Files.Select(f => f.Name));
                Assert.Equal(["Seed.pdf", "Target.pdf"], replaced.PageFiles.Select(f => f.Name).Order());
                break;
            case MatrixOperation.GetPages:
                var page = Assert.Single(await client.GetPagesAsync(_sdk.Project));
                Assert.Equal(Section, page.Section);
                Assert.Equal(["Seed.pdf", "Target.pdf"], page.Files.Select(f => f.Name).Order());
                break;
            case MatrixOperation.Download:
                await using (var download = await client.DownloadAsync(_sdk.Project, _targetId))
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[8192];
                    long length = 0;
                    int read;
                    while ((read = await download.Content.ReadAsync(buffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        length += read;
                    }

                    Assert.Equal("Target.pdf", download.FileName);
                    Assert.Equal(30_000, length);
                    Assert.Equal(TestFiles.Sha256(_targetPath), Convert.ToHexStringLower(hash.GetHashAndReset()));
                }

                break;
            case MatrixOperation.Delete:
                await client.DeleteAsync(_sdk.Project, _targetId);
                break;
        }
    }

    /// <summary>Gets the documents the store must hold after the call, given whether some attempt did its work.</summary>
    public IReadOnlyList<(string Name, string Sha256)> Expected(bool processed)
    {
        var documents = new List<(string Name, string Sha256)>(_before);
        switch (_operation)
        {
            case MatrixOperation.UploadWithoutReplace when processed:
                documents.Add(("New.pdf", TestFiles.Sha256(_newPath)));
                break;
            case MatrixOperation.UploadWithReplace when processed:
                documents[1] = ("Target.pdf", TestFiles.Sha256(_newPath));
                break;
            case MatrixOperation.Delete when processed:
                documents.RemoveAt(1);
                break;
        }

        return [.. documents.Order()];
    }

    /// <summary>Tells, from the store, whether the upload, replace or delete happened (for the observed cell).</summary>
    public bool ObservedProcessed(IReadOnlyList<(string Name, string Sha256)> stored) => _operation switch
    {
        MatrixOperation.UploadWithoutReplace => stored.Any(d => d.Name == "New.pdf"),
        MatrixOperation.UploadWithReplace => stored.Any(d => d.Name == "Target.pdf" && d.Sha256 == TestFiles.Sha256(_newPath)),
        MatrixOperation.Delete => !stored.Any(d => d.Name == "Target.pdf"),
        _ => false,
    };

    /// <summary>Gets the requests of the set-up: its token request and its upload (the one with <c>Seed.pdf</c> in it).</summary>
    public IReadOnlyList<EmulatorRequest> SetupRequests() =>
        _operation == MatrixOperation.Token
            ? []
            : [.. _sdk.Emulator.Journal.Where(e => e.Path == TokenPath || e.Parts.Any(p => p.FileName == "Seed.pdf"))];

    /// <summary>
    /// Gets the attempts the emulator saw: token requests for the token route, else the operation's requests. Read it
    /// after the emulator has stopped: only then has every request, dropped ones too, been written to the journal.
    /// </summary>
    public IReadOnlyList<EmulatorRequest> Attempts()
    {
        var setup = SetupRequests();
        return [.. _sdk.Emulator.Journal.Where(e => !setup.Any(s => ReferenceEquals(s, e)) && (_operation == MatrixOperation.Token
            ? e.Path == TokenPath
            : string.Equals(e.Method, Method, StringComparison.Ordinal) && e.Path.Contains(PathContains, StringComparison.Ordinal)))];
    }
}

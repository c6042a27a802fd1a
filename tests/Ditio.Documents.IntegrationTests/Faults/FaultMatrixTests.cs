using System.Diagnostics;
using System.Net;
using Ditio.Documents.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ditio.Documents.IntegrationTests.Faults;

/// <summary>
/// Every fault of the emulator against every SDK call, once and until the retry budget is spent, each on a fresh
/// emulator: the outcome, the attempts in the journal and the documents in the store must be what the SDK's retry
/// rules say (<see cref="FaultMatrix.Expect"/>). The tables in docs/fault-matrix.md are <see cref="FaultMatrix.Markdown"/>.
/// </summary>
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    public static TheoryData<MatrixFault, MatrixOperation, bool> Cases()
    {
        var data = new TheoryData<MatrixFault, MatrixOperation, bool>();
        foreach (var (fault, operation, budgetSpent) in FaultMatrix.Cases())
        {
            data.Add(fault, operation, budgetSpent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_EndsAsTheRetryRulesSay_WithNoDocumentLostOrDoubled(MatrixFault fault, MatrixOperation operation, bool budgetSpent)
    {
        var expected = FaultMatrix.Expect(fault, operation, budgetSpent);
        var sdk = await EmulatorSdk.StartAsync();
        FaultScenario scenario;
        Exception? error;
        TimeSpan elapsed;
        using var files = new TestFiles();
        try
        {
            scenario = await FaultScenario.PrepareAsync(sdk, files, operation);
            scenario.Inject(fault, expected.FaultCount);
            var started = Stopwatch.GetTimestamp();
            error = await Record.ExceptionAsync(scenario.RunAsync);
            elapsed = Stopwatch.GetElapsedTime(started);
        }
        finally
        {
            // Stopping the emulator waits for its request handlers, so the journal is complete afterwards.
            await sdk.DisposeAsync();
        }

        if (error is not null and not DitioException)
        {
            throw new Xunit.Sdk.XunitException($"The call failed with {error.GetType().Name}, not a DitioException: {error}");
        }

        var attempts = scenario.Attempts();
        var stored = FaultScenario.Stored(sdk);
        var processed = scenario.ObservedProcessed(stored);
        var failure = error switch
        {
            DitioApiException api => (nameof(DitioApiException), api.StatusCode),
            DitioAuthenticationException auth => (nameof(DitioAuthenticationException), auth.StatusCode),
            _ => ((string, HttpStatusCode?)?)null,
        };
        var observed = FaultMatrix.Cell(operation, failure, attempts.Count, processed);
        output.WriteLine($"{FaultMatrix.Title(fault)} x{expected.FaultCount} / {FaultMatrix.Title(operation)}: {observed} ({elapsed.TotalMilliseconds:F0} ms)");
        output.WriteLine(error?.Message ?? "no exception");
        foreach (var entry in sdk.Emulator.Journal)
        {
            output.WriteLine($"  {entry.Method} {entry.Path} -> {entry.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "dropped"} {entry.Fault}");
        }

        // The outcome, attempts and store, in one line (the table's cell) ...
        Assert.Equal(expected.Cell(operation), observed);

        // ... and in detail: no document lost, none doubled, bytes intact.
        Assert.Equal(scenario.Expected(expected.Processed), stored);

        // The journal: every attempt but (on success) the last one got the fault; nothing else was sent. (The journal
        // is in order of completion, not arrival: a dropped attempt can be written after its retry.)
        var clean = attempts.Where(a => a.Fault is null).ToList();
        Assert.Equal(expected.Attempts - Math.Min(expected.Attempts, expected.FaultCount), clean.Count);
        Assert.All(clean, a => Assert.True(a.StatusCode is 200 or 204 or 404, $"A clean attempt was answered {a.StatusCode}."));
        var known = attempts.Concat(scenario.SetupRequests()).ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var others = sdk.Emulator.Journal.Where(e => !known.Contains(e)).ToList();
        var expectedOthers = operation == MatrixOperation.Token && expected.Succeeds ? 1 : 0;
        Assert.True(others.Count == expectedOthers, $"Requests other than the attempts: {string.Join(", ", others)}");
        Assert.Equal(operation == MatrixOperation.Token ? 0 : 2, scenario.SetupRequests().Count);
        if (operation == MatrixOperation.Token)
        {
            // A token lost with its answer was still issued; a status fault issues none.
            Assert.Equal(fault == MatrixFault.DropAfterProcessing ? attempts.Count : expected.Succeeds ? 1 : 0, sdk.Emulator.TokensIssued);
        }

        if (expected.Succeeds)
        {
            Assert.Null(error);
        }
        else if (error is DitioAuthenticationException auth)
        {
            Assert.Equal(MatrixOperation.Token, operation);
            Assert.Equal(expected.Status, auth.StatusCode);
            Assert.Equal(sdk.Emulator.ClientId, auth.ClientId);
            Assert.Contains(sdk.Emulator.ClientId, auth.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(sdk.Emulator.ClientSecret, auth.ToString(), StringComparison.Ordinal);
        }
        else
        {
            var api = Assert.IsType<DitioApiException>(error);
            Assert.NotEqual(MatrixOperation.Token, operation);
            Assert.Equal(expected.Status, api.StatusCode);
            Assert.Equal(expected.Status is null ? DitioFailureKind.NoResponse : DitioFailureKind.ErrorResponse, api.Kind);
            Assert.Equal(scenario.Method, api.RequestMethod);
            Assert.Contains(scenario.PathContains, api.RequestPath, StringComparison.Ordinal);
            Assert.Equal(expected.Status is HttpStatusCode.NotFound, api.IsNotFound);
            if (FaultMatrix.StatusOf(fault) is not null && expected.Status is not HttpStatusCode.NotFound)
            {
                Assert.Equal("InjectedFault", api.ErrorCode);
                Assert.Equal(FaultMatrix.RetryAfterOf(fault), api.RetryAfter);
            }
        }

        if (fault == MatrixFault.Status429RetryAfter1)
        {
            // Retry-After: 1 was honoured although the retry delays are zero.
            Assert.True(elapsed >= TimeSpan.FromMilliseconds(990), $"The retry came after {elapsed.TotalMilliseconds} ms, before Retry-After: 1 had passed.");
        }
    }

    [Fact]
    public void Table_IsTheOneInDocs()
    {
        var table = FaultMatrix.Markdown();
        output.WriteLine(table);
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "fault-matrix.md")).ReplaceLineEndings("\n");
        Assert.True(doc.Contains(table, StringComparison.Ordinal), "docs/fault-matrix.md does not hold the current tables: paste this test's output into it.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ditio.Documents.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Ditio.Documents.sln not found above " + AppContext.BaseDirectory);
    }
}

using Ditio.Documents.IntegrationTests.Infrastructure;
using Ditio.Documents.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Ditio.Documents.IntegrationTests.Faults;

/// <summary>
/// Tokens that expire in the middle of a run: by the clock (a short lifetime on a fake clock shared by the emulator
/// and the SDK) and by the server (<see cref="EmulatorFaults.ExpireAllTokens"/>, so the next call is answered 401).
/// </summary>
public sealed class TokenExpiryTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The emulator's token lifetime; the SDK renews <see cref="DitioDocumentsOptions.TokenRenewalMargin"/> (1 minute) before it ends, at 9 minutes.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly TestFiles _files = new();

    private enum Call
    {
        GetProjects,
        FindProject,
        GetWorkOrders,
        Upload,
        UploadReplace,
        GetPages,
        Download,
        Delete,
    }

    [Fact]
    public async Task MixedRun_WithTokensExpiringBetweenCalls_FailsNoCall_AndRenewsExactlyOncePerExpiry()
    {
        // Each step: advance the clock, expire every token on the server, make a call on a document, and the number of
        // tokens issued so far. The clock: t = 0; a token taken at t lives until t + 10 min and is renewed from t + 9 min.
        (TimeSpan Advance, bool Expire, Call Call, string Document, int Tokens)[] steps =
        [
            (TimeSpan.Zero, false, Call.GetProjects, "", 1),                                // t0: first token (renew t9, ends t10)
            (TimeSpan.Zero, false, Call.FindProject, "", 1),
            (TimeSpan.FromMinutes(5), false, Call.GetWorkOrders, "", 1),                    // t5: still good
            (TimeSpan.Zero, true, Call.Upload, "A.pdf", 2),                                 // 401, renewed (renew t14, ends t15)
            (TimeSpan.Zero, false, Call.GetPages, "", 2),
            (new TimeSpan(0, 8, 59), false, Call.Download, "A.pdf", 2),                     // t13:59: one second before renewal
            (TimeSpan.FromSeconds(1), false, Call.UploadReplace, "A.pdf", 3),               // t14: renewed by the clock (renew t23, ends t24)
            (TimeSpan.Zero, true, Call.GetProjects, "", 4),                                 // 401, renewed
            (TimeSpan.Zero, true, Call.Download, "A.pdf", 5),                               // 401, renewed
            (TimeSpan.FromMinutes(10), false, Call.FindProject, "", 6),                     // t24: the token has ended: renewed first (renew t33)
            (TimeSpan.Zero, false, Call.Upload, "B.pdf", 6),
            (TimeSpan.FromMinutes(9), true, Call.GetWorkOrders, "", 7),                     // t33: due by the clock, so no 401 although expired
            (TimeSpan.Zero, false, Call.Delete, "A.pdf", 7),
            (TimeSpan.Zero, true, Call.GetPages, "", 8),                                    // 401, renewed (renew t42)
            (TimeSpan.FromHours(2), false, Call.UploadReplace, "B.pdf", 9),                 // long idle: renewed first
            (TimeSpan.Zero, false, Call.Download, "B.pdf", 9),
            (TimeSpan.Zero, true, Call.Upload, "C.pdf", 10),                                // 401 on an upload without replace: sent again once, stored once
            (TimeSpan.Zero, true, Call.Delete, "C.pdf", 11),                                // 401, renewed
            (TimeSpan.FromSeconds(30), false, Call.GetProjects, "", 11),
            (TimeSpan.Zero, true, Call.GetPages, "", 12),                                   // 401, renewed
        ];

        // Eight server-side expiries; the one at t33 is overtaken by the clock's renewal, so seven calls meet a 401.
        const int UnauthorizedExpected = 7;

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        var sdk = await EmulatorSdk.StartAsync(
            emulatorOptions: o =>
            {
                o.TokenLifetime = Lifetime;
                o.TimeProvider = time;
            },
            time: time);
        var failures = new List<string>();
        var ids = new Dictionary<string, string>();
        var hashes = new Dictionary<string, string>();
        try
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                time.Advance(step.Advance);
                if (step.Expire)
                {
                    sdk.Emulator.Faults.ExpireAllTokens();
                }

                try
                {
                    await RunAsync(sdk, step.Call, step.Document, i, ids, hashes);
                }
                catch (DitioException ex)
                {
                    failures.Add($"step {i + 1} ({step.Call}): {ex.Message}");
                }

                output.WriteLine($"step {i + 1}: {step.Call} {step.Document} at +{time.GetUtcNow() - time.Start}: {sdk.Emulator.TokensIssued} tokens");

                // Tokens are issued before the answer is written, so the count is exact as soon as the call returns.
                Assert.True(step.Tokens == sdk.Emulator.TokensIssued, $"After step {i + 1} ({step.Call}) {sdk.Emulator.TokensIssued} tokens were issued, not {step.Tokens}.");
            }
        }
        finally
        {
            await sdk.DisposeAsync();
        }

        Assert.Empty(failures);
        var journal = sdk.Emulator.Journal;
        var tokenRequests = journal.Count(e => e.Path == FaultScenario.TokenPath);
        var unauthorized = journal.Count(e => e.StatusCode == 401);
        Assert.Equal(steps[^1].Tokens, tokenRequests);
        Assert.Equal(tokenRequests, sdk.Emulator.TokensIssued);

        // A 401 only after a server-side expiry: the clock's expiries were always renewed before sending.
        Assert.Equal(UnauthorizedExpected, unauthorized);
        Assert.All(journal.Where(e => e.Path != FaultScenario.TokenPath), e => Assert.True(e.HadAuthorization));

        // A, C deleted; B replaced once: exactly one copy, with the second version's bytes.
        var stored = Assert.Single(sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId));
        Assert.Equal(("B.pdf", hashes["B.pdf"]), (stored.Name, stored.Sha256));
    }

    private async Task RunAsync(EmulatorSdk sdk, Call call, string document, int step, Dictionary<string, string> ids, Dictionary<string, string> hashes)
    {
        var client = sdk.Client;
        var options = new DocumentUploadOptions { Section = "Drawings", ReplaceExistingFilesWithSameName = call == Call.UploadReplace };
        switch (call)
        {
            case Call.GetProjects:
                Assert.Contains(await client.GetProjectsAsync(), p => p.Id == DitioEmulator.SampleProjectId);
                break;
            case Call.FindProject:
                Assert.NotNull(await client.FindProjectByNumberAsync(DitioEmulator.SampleProjectNumber));
                break;
            case Call.GetWorkOrders:
                Assert.Equal(2, (await client.GetWorkOrdersAsync(DitioEmulator.SampleProjectId)).Count);
                break;
            case Call.Upload or Call.UploadReplace:
                var path = _files.Write($"step{step}-{document}", 10_000 + step, seed: step);
                var result = await client.UploadAsync(sdk.Project, [DocumentUploadFile.FromPath(path, document)], options);
                ids[document] = Assert.Single(result.Files).FileReferenceId!;
                hashes[document] = TestFiles.Sha256(path);
                Assert.Single(sdk.Emulator.GetDocuments(DitioEmulator.SampleProjectId), d => d.Name == document);
                break;
            case Call.GetPages:
                var names = (await client.GetPagesAsync(sdk.Project)).SelectMany(p => p.Files).Select(f => f.Name);
                Assert.Equal(ids.Keys.Order(), names.Order());
                break;
            case Call.Download:
                await using (var download = await client.DownloadAsync(sdk.Project, ids[document]))
                {
                    using var bytes = new MemoryStream();
                    await download.Content.CopyToAsync(bytes);
                    Assert.Equal(hashes[document], TestFiles.Sha256(bytes.ToArray()));
                }

                break;
            case Call.Delete:
                await client.DeleteAsync(sdk.Project, ids[document]);
                ids.Remove(document);
                hashes.Remove(document);
                break;
        }
    }

    public void Dispose() => _files.Dispose();
}

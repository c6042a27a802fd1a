// The whole Ditio documents flow through the SDK, printed as a transcript.
// With no configuration it runs on an in-process Ditio emulator: no account needed.
// With DITIO_CLIENT_ID and DITIO_CLIENT_SECRET set it runs against that Ditio environment
// (DITIO_ENVIRONMENT=Test|Production, or DITIO_API_BASE and DITIO_IDENTITY_BASE) and deletes only what it created.
using Ditio.Documents;
using Ditio.Documents.Quickstart;
using Ditio.Documents.Testing;

var settings = QuickstartSettings.FromEnvironment();
await using var emulator = settings.UseEmulator ? await DitioEmulator.StartAsync() : null;
var options = emulator?.CreateClientOptions() ?? settings.ToOptions();
Transcript.Step($"Ditio: {(emulator is null ? $"{options.EffectiveApiBaseUrl} (real, client {options.ClientId})" : $"emulator at {emulator.ApiBaseUrl}")}");

using var ditio = DitioDocumentsClient.Create(options);
var flow = new QuickstartFlow(ditio, settings.ProjectNumber ?? DitioEmulator.SampleProjectNumber);
string? failure = null;
try
{
    await flow.RunAsync();
}
catch (DitioException ex)
{
    failure = $"{ex.GetType().Name}: {ex.Message}";
}
catch (QuickstartCheckFailedException ex)
{
    failure = ex.Message;
}
finally
{
    await flow.CleanUpAsync();
}

if (failure is not null)
{
    Transcript.Fail(failure);
    return 1;
}

Transcript.Done("All steps passed.");
return 0;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>
/// ditio-docs prints the SDK's lookup and listing models through compile-time mirrors of them (Native AOT has no
/// reflection JSON, and the models' converters are internal to the SDK). These tests hold the mirrors to the models: the
/// CLI's --json is what the models themselves serialize to with the CLI's settings (reflection, here in the test).
/// </summary>
public sealed class CliJsonShapeTests
{
    private static readonly JsonSerializerOptions ModelSettings = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public async Task ProjectsWorkOrdersAndLs_PrintTheModelsAsTheySerialize()
    {
        await using var emulator = await DitioEmulator.StartAsync();
        emulator.AddWorkOrder(DitioEmulator.SampleProjectId, "WO-77", "Sprengning", shortDescription: "Salve 12");
        using var ditio = DitioDocumentsClient.Create(emulator.CreateClientOptions());
        var target = DocumentTarget.Project(DitioEmulator.SampleProjectId);
        await ditio.UploadAsync(target, [DocumentUploadFile.FromStream(new MemoryStream([1, 2, 3]), "Tegning Æ.pdf")], new DocumentUploadOptions { Section = "Drawings" });

        await AssertSameJsonAsync(await ditio.GetProjectsAsync(), emulator, "projects");
        await AssertSameJsonAsync(await ditio.GetWorkOrdersAsync(DitioEmulator.SampleProjectId), emulator, "work-orders", DitioEmulator.SampleProjectNumber);
        await AssertSameJsonAsync(await ditio.GetPagesAsync(target), emulator, "ls", DitioEmulator.SampleProjectNumber);
    }

    private static async Task AssertSameJsonAsync<T>(T model, DitioEmulator emulator, params string[] command)
    {
        var run = await DitioDocsProcess.RunAsync(emulator, [.. command, "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = JsonNode.Parse(JsonSerializer.Serialize(model, ModelSettings));
        var printed = JsonNode.Parse(run.Stdout);
        Assert.True(JsonNode.DeepEquals(expected, printed), $"ditio-docs {string.Join(' ', command)} --json:\n{printed}\nthe models:\n{expected}");
    }
}

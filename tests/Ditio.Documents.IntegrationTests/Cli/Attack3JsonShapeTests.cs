using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.IntegrationTests.Cli;

/// <summary>
/// Attack3: CliJsonShapeTests holds ditio-docs' --json mirrors to the SDK's models on the emulator's sample data, which
/// leaves fields out (no FinishedDate, no unknown fields, no work-order company): a mirror that dropped those, or an SDK
/// model that gained a field the mirror lacks, passed it. Here every field is set, unknown fields (nested, non-ASCII
/// names) come along, and the mirrors' members are compared with the models' by name and order.
/// </summary>
public sealed class Attack3JsonShapeTests
{
    private const string ProjectId = "65f1a2b3c4d5e6f7a8b9c0aa";

    private static readonly JsonSerializerOptions ModelSettings = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly string Project = $$"""
        {"id":"{{ProjectId}}","companyId":"c-1","projectNumber":"P-9","name":"Full","active":true,"externalProjectNumber":"X-9",
         "description":"d","startDate":"2026-01-15T00:00:00+00:00","finishedDatePlanned":"2027-06-30T12:00:00+02:00",
         "finishedDate":"2027-07-01T08:30:00-05:00","projectCustomerName":"k","projectAddress":"a","mainContactEmail":"m@example.no",
         "budget":{"nok":[1,2.5,null]},"Æ-felt":"Øst","flag":false,"nothing":null}
        """;

    private const string WorkOrder = """
        {"id":"w-1","projectId":"65f1a2b3c4d5e6f7a8b9c0aa","externalId":"WO-1","name":"Sprengning","active":true,"companyId":"c-1",
         "workDescriptionShort":"Salve","workDescription":"Lang","crew":[{"n":1}],"ørn":"å"}
        """;

    private const string Pages = """
        [{"section":"Drawings","pageExternalId":"int-projdocs:p:drawings","files":[{"fileReferenceId":"f-1","name":"a.pdf"}]}]
        """;

    public static TheoryData<Type, string> Mirrors => new()
    {
        { typeof(DitioProject), "Ditio.Documents.Cli.Json.ProjectJson" },
        { typeof(DitioWorkOrder), "Ditio.Documents.Cli.Json.WorkOrderJson" },
        { typeof(DocumentPage), "Ditio.Documents.Cli.Json.PageJson" },
        { typeof(DocumentPageFile), "Ditio.Documents.Cli.Json.PageFileJson" },
    };

    [Theory]
    [MemberData(nameof(Mirrors))]
    public void EveryMirror_HasTheModelsMembers_InTheModelsOrder(Type model, string mirrorName)
    {
        var mirror = Assembly.LoadFrom(DitioDocsProcess.DllPath).GetType(mirrorName, throwOnError: true)!;

        Assert.Equal(Members(model), Members(mirror));
        Assert.Equal(
            model.GetProperty("AdditionalFields") is not null,
            mirror.GetProperties().Any(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null));
    }

    [Fact]
    public async Task ProjectsWorkOrdersAndLs_WithEveryFieldAndUnknownOnes_PrintTheModelsAsTheySerialize()
    {
        await using var server = await FullServer.StartAsync($"[{Project}]", Project, $"[{WorkOrder}]", Pages);

        await AssertSameJsonAsync(JsonSerializer.Deserialize<IReadOnlyList<DitioProject>>($"[{Project}]", ModelSettings)!, server, "projects");
        await AssertSameJsonAsync(JsonSerializer.Deserialize<IReadOnlyList<DitioWorkOrder>>($"[{WorkOrder}]", ModelSettings)!, server, "work-orders", "P-9");
        await AssertSameJsonAsync(JsonSerializer.Deserialize<IReadOnlyList<DocumentPage>>(Pages, ModelSettings)!, server, "ls", "id:" + ProjectId);
    }

    private static string[] Members(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null && p.Name != "AdditionalFields" && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => p.Name)];

    private static async Task AssertSameJsonAsync<T>(T model, FullServer server, params string[] command)
    {
        var run = await DitioDocsProcess.RunAsync(server.Environment, workingDirectory: null, [.. command, "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = JsonNode.Parse(JsonSerializer.Serialize(model, ModelSettings));
        var printed = JsonNode.Parse(run.Stdout);
        Assert.True(JsonNode.DeepEquals(expected, printed), $"ditio-docs {string.Join(' ', command)} --json:\n{printed}\nthe models:\n{expected}");
    }

    /// <summary>A Ditio API on loopback that hands out a token and answers the lookups and the listing with fixed JSON.</summary>
    private sealed class FullServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FullServer(WebApplication app) => _app = app;

        public Dictionary<string, string> Environment => new()
        {
            ["DITIO_API_BASE"] = _app.Urls.First() + "/core",
            ["DITIO_IDENTITY_BASE"] = _app.Urls.First() + "/identity",
            ["DITIO_CLIENT_ID"] = "full",
            ["DITIO_CLIENT_SECRET"] = "full-secret",
        };

        public static async Task<FullServer> StartAsync(string projects, string project, string workOrders, string pages)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.Run(context =>
            {
                var path = context.Request.Path.Value ?? "";
                var body = path switch
                {
                    "/identity/connect/token" => """{"access_token":"full-token","token_type":"Bearer","expires_in":3600}""",
                    "/core/api/v4/integration/projects" => projects,
                    "/core/api/v4/integration/projects/by-project-number/P-9" => project,
                    $"/core/api/v4/integration/tasks/project/{ProjectId}" => workOrders,
                    $"/core/api/v4/integration/projects/{ProjectId}/documents" => pages,
                    _ => null,
                };
                context.Response.StatusCode = body is null ? 404 : 200;
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(body ?? """{"message":"no such route"}""");
            });
            await app.StartAsync();
            return new FullServer(app);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

// A .NET Framework 4.8 console app on the Ditio.Documents package: both ways in (DI and Create), one lookup and one
// upload. CI only builds it; run it on Windows with DITIO_CLIENT_ID and DITIO_CLIENT_SECRET set (Test environment).
using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Ditio.Documents;
using Microsoft.Extensions.DependencyInjection;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = new DitioDocumentsOptions
        {
            ClientId = Environment.GetEnvironmentVariable("DITIO_CLIENT_ID") ?? "",
            ClientSecret = Environment.GetEnvironmentVariable("DITIO_CLIENT_SECRET") ?? "",
            Environment = DitioEnvironment.Test,
        };

        var services = new ServiceCollection();
        services.AddDitioDocuments(o =>
        {
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.Environment = options.Environment;
        });
        using (var provider = services.BuildServiceProvider())
        {
            _ = provider.GetRequiredService<IDitioDocumentsClient>();
        }

        using (var ditio = DitioDocumentsClient.Create(options))
        {
            try
            {
                var project = await ditio.FindProjectByNumberAsync(args.Length > 0 ? args[0] : "1001");
                if (project is null)
                {
                    Console.WriteLine("No such project.");
                    return 1;
                }

                using (var content = new MemoryStream(Encoding.UTF8.GetBytes("Method statement, rev. A")))
                {
                    var result = await ditio.UploadAsync(DocumentTarget.Project(project.Id), new[] { DocumentUploadFile.FromStream(content, "method-statement.txt") });
                    Console.WriteLine($"Uploaded {result.Files.Count} file(s) to {project.Name}.");
                }

                return 0;
            }
            catch (DitioException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        }
    }
}

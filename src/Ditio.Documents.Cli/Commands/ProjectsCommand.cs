using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary><c>ditio-docs projects</c>: the company's projects.</summary>
internal static class ProjectsCommand
{
    public static Command Create()
    {
        var command = new Command("projects", "List the projects of your Ditio company: number, name and id.");
        command.SetCliAction(async (context, _, cancellationToken) =>
        {
            var client = await context.ConnectAsync(cancellationToken);
            var projects = await client.GetProjectsAsync(cancellationToken);
            if (context.Json)
            {
                context.Output.Json(ModelJson.Of(projects), CliJsonContext.Output.IReadOnlyListProjectJson);
            }
            else
            {
                context.Output.Table(["NUMBER", "NAME", "ID"], projects.Select(p => new[] { p.ProjectNumber, p.Name, p.Id }), "No projects.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

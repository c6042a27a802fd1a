using System.CommandLine;
using Ditio.Documents.Cli.Internal;
using Ditio.Documents.Cli.Json;

namespace Ditio.Documents.Cli.Commands;

/// <summary><c>ditio-docs work-orders &lt;project&gt;</c>: a project's work orders, with the ids <c>wo:ID</c> needs.</summary>
internal static class WorkOrdersCommand
{
    public static Command Create()
    {
        var project = CliArguments.Target("The project: P-2026-001 or id:ID (see Targets below).");
        project.HelpName = "project";
        var command = new Command("work-orders", "List a project's work orders: id (for wo:ID), number and name.") { project };
        command.SetCliAction(async (context, parse, cancellationToken) =>
        {
            var spec = parse.GetRequiredValue(project);
            if (spec.Kind == TargetKind.WorkOrderId)
            {
                throw new CliUsageException($"work-orders needs a project (P-2026-001 or id:ID), not the work order '{spec.Value}'.");
            }

            var (client, target) = await context.ConnectAsync(spec, cancellationToken);
            var workOrders = await client.GetWorkOrdersAsync(target.ProjectId!, cancellationToken);
            if (context.Json)
            {
                context.Output.Json(ModelJson.Of(workOrders), CliJsonContext.Output.IReadOnlyListWorkOrderJson);
            }
            else
            {
                context.Output.Table(["ID", "NUMBER", "NAME"], workOrders.Select(w => new[] { w.Id, w.ExternalId ?? "", w.Name }), $"No work orders in {target.Display}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

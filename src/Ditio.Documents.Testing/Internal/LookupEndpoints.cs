using Microsoft.AspNetCore.Http;

namespace Ditio.Documents.Testing.Internal;

/// <summary>The project and work-order lookups. Another company's project answers 404 here, as on Ditio.</summary>
internal sealed class LookupEndpoints(EmulatorStore store)
{
    /// <summary>Handles <c>projects...</c> and <c>tasks...</c> lookups; returns false when the route is not a lookup.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context, string[] route)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }

        switch (route)
        {
            case ["projects"]:
                await EmulatorJson.WriteAsync(context, 200, store.ProjectsOf(EmulatorStore.CompanyId));
                return true;
            case ["projects", "by-project-number", var number]:
                await ProjectAsync(context, store.FindProject(p => p.ProjectNumber == number), $"No project with number '{number}'.");
                return true;
            case ["projects", var id]:
                await ProjectAsync(context, store.FindProject(p => p.Id == id), $"No project with id '{id}'.");
                return true;
            case ["tasks", "project", var projectId]:
                await WorkOrdersAsync(context, store.FindProject(p => p.Id == projectId), $"No project with id '{projectId}'.");
                return true;
            case ["tasks", "by-project-number", var number]:
                await WorkOrdersAsync(context, store.FindProject(p => p.ProjectNumber == number), $"No project with number '{number}'.");
                return true;
            case ["tasks", var id]:
                var (workOrder, ours) = store.FindWorkOrder(id);
                await (workOrder is not null && ours
                    ? EmulatorJson.WriteAsync(context, 200, workOrder)
                    : EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No work order with id '{id}'."));
                return true;
            default:
                return false;
        }
    }

    private static Task ProjectAsync(HttpContext context, (DitioProject? Project, bool Ours) found, string notFound) =>
        found.Project is not null && found.Ours
            ? EmulatorJson.WriteAsync(context, 200, found.Project)
            : EmulatorJson.ErrorAsync(context, 404, "NotFound", notFound);

    private Task WorkOrdersAsync(HttpContext context, (DitioProject? Project, bool Ours) found, string notFound) =>
        found.Project is not null && found.Ours
            ? EmulatorJson.WriteAsync(context, 200, store.WorkOrdersOf(found.Project.Id))
            : EmulatorJson.ErrorAsync(context, 404, "NotFound", notFound);
}

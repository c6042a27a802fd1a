namespace Ditio.Documents.Cli.Internal;

/// <summary>A target ready for the SDK, and how to name it in output.</summary>
/// <param name="Target">The SDK's target.</param>
/// <param name="Display">For humans: <c>project P-2026-001 (Prosjekt Fjellhall)</c>, <c>work order wo:ID</c>.</param>
/// <param name="ProjectId">The project's id, for a project target.</param>
internal sealed record ResolvedTarget(DocumentTarget Target, string Display, string? ProjectId)
{
    /// <exception cref="CliUsageException">No project has that number (or it is another company's).</exception>
    /// <exception cref="ArgumentException">An id is not a valid Ditio id.</exception>
    public static async Task<ResolvedTarget> ResolveAsync(IDitioDocumentsClient client, TargetSpec spec, CancellationToken cancellationToken)
    {
        switch (spec.Kind)
        {
            case TargetKind.ProjectNumber:
                var project = await client.FindProjectByNumberAsync(spec.Value, cancellationToken)
                    ?? throw new CliUsageException($"No project has the number '{spec.Value}' (or it is not your company's): see 'ditio-docs projects'.");
                return new(DocumentTarget.Project(project.Id), $"project {project.ProjectNumber} ({project.Name})", project.Id);
            case TargetKind.ProjectId:
                return new(DocumentTarget.Project(spec.Value), $"project id:{spec.Value}", spec.Value);
            default:
                return new(DocumentTarget.WorkOrder(spec.Value), $"work order wo:{spec.Value}", null);
        }
    }
}

using Ditio.Documents.Internal.Validation;

namespace Ditio.Documents;

/// <summary>The project or work order whose documents an operation acts on.</summary>
/// <remarks>Create one with <see cref="Project(string)"/> or <see cref="WorkOrder(string)"/>; the id is checked at once.</remarks>
public sealed record DocumentTarget
{
    private DocumentTarget(DocumentTargetKind kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Gets whether the target is a project or a work order.</summary>
    public DocumentTargetKind Kind { get; }

    /// <summary>Gets the Ditio id of the project or work order.</summary>
    public string Id { get; }

    /// <summary>The route segment Ditio uses for the kind: <c>projects</c> or <c>tasks</c>.</summary>
    internal string RouteSegment => Kind == DocumentTargetKind.Project ? "projects" : "tasks";

    /// <summary>Targets the documents of a project.</summary>
    /// <param name="projectId">The Ditio id of the project (not its project number).</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectId"/> is null, empty, whitespace, or contains <c>/ ? # %</c> or <c>..</c>.</exception>
    public static DocumentTarget Project(string projectId) =>
        new(DocumentTargetKind.Project, Guard.Id(projectId));

    /// <summary>Targets the documents of a work order.</summary>
    /// <param name="workOrderId">The Ditio id of the work order.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException"><paramref name="workOrderId"/> is null, empty, whitespace, or contains <c>/ ? # %</c> or <c>..</c>.</exception>
    public static DocumentTarget WorkOrder(string workOrderId) =>
        new(DocumentTargetKind.WorkOrder, Guard.Id(workOrderId));

    /// <summary>Describes the target, for example <c>project 65f1a2b3c4d5e6f7a8b9c0d1</c>.</summary>
    /// <returns>The kind and id.</returns>
    public override string ToString() => $"{(Kind == DocumentTargetKind.Project ? "project" : "work order")} {Id}";
}

namespace Ditio.Documents;

/// <summary>What a <see cref="DocumentTarget"/> points at.</summary>
public enum DocumentTargetKind
{
    /// <summary>A project (<c>api/v4/integration/projects/{id}/documents</c>).</summary>
    Project = 0,

    /// <summary>A work order (<c>api/v4/integration/tasks/{id}/documents</c>); its documents live in the parent project's folder.</summary>
    WorkOrder = 1,
}

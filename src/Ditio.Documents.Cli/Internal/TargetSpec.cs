namespace Ditio.Documents.Cli.Internal;

/// <summary>How a target was written on the command line: a project by number or id, or a work order by id.</summary>
internal enum TargetKind
{
    ProjectNumber,
    ProjectId,
    WorkOrderId,
}

/// <summary>
/// The target notation: <c>P-2026-001</c> or <c>project:P-2026-001</c> (a project by number), <c>id:ID</c> or
/// <c>project-id:ID</c> (a project by Ditio id), <c>wo:ID</c> or <c>work-order:ID</c> (a work order by Ditio id).
/// Prefixes are case-insensitive; text with no known prefix is a project number.
/// </summary>
internal sealed record TargetSpec(TargetKind Kind, string Value)
{
    public const string HelpText = """
        Targets (where documents go):
          P-2026-001, project:P-2026-001   a project, by its number (use project: when the number itself
                                           starts with one of these prefixes)
          id:ID, project-id:ID             a project, by its Ditio id
          wo:ID, work-order:ID             a work order, by its Ditio id (see 'ditio-docs work-orders <project>')
        """;

    private static readonly (string Prefix, TargetKind Kind)[] Prefixes =
    [
        ("project:", TargetKind.ProjectNumber),
        ("project-id:", TargetKind.ProjectId),
        ("id:", TargetKind.ProjectId),
        ("work-order:", TargetKind.WorkOrderId),
        ("wo:", TargetKind.WorkOrderId),
    ];

    /// <summary>Parses the notation.</summary>
    /// <returns>The target, or <see langword="null"/> with <paramref name="error"/> saying why.</returns>
    public static TargetSpec? TryParse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        foreach (var (prefix, kind) in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var value = text[prefix.Length..].Trim();
                if (value.Length == 0)
                {
                    error = $"The target '{text}' has nothing after '{prefix}'";
                    return null;
                }

                return new TargetSpec(kind, value);
            }
        }

        if (text.Length == 0)
        {
            error = "The target is empty: give a project number (P-2026-001), id:ID or wo:ID";
            return null;
        }

        return new TargetSpec(TargetKind.ProjectNumber, text);
    }

    public override string ToString() => Kind switch
    {
        TargetKind.ProjectNumber => $"project {Value}",
        TargetKind.ProjectId => $"project id:{Value}",
        _ => $"work order wo:{Value}",
    };
}

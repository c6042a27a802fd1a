using System.Globalization;

namespace Ditio.Documents.Testing.Internal;

/// <summary>
/// The emulator's state: projects, work orders and documents in memory, document bytes in files under a folder of
/// its own. Every access takes one lock: the emulator favours being right over being fast.
/// </summary>
internal sealed class EmulatorStore : IDisposable
{
    public const string CompanyId = "5e1c0a1b2c3d4e5f60718293";
    public const string OtherCompanyId = "5e1c0a1b2c3d4e5f6071ffff";

    private readonly Lock _gate = new();
    private readonly List<(DitioProject Project, string CompanyId)> _projects = [];
    private readonly List<DitioWorkOrder> _workOrders = [];
    private readonly List<EmulatedDocument> _documents = [];
    private long _nextId = 0x1000;

    public EmulatorStore(string? storageRoot)
    {
        Folder = Path.Combine(storageRoot ?? Path.GetTempPath(), "ditio-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string NewId()
    {
        var n = Interlocked.Increment(ref _nextId);
        return "e0" + n.ToString("x22", CultureInfo.InvariantCulture);
    }

    public string NewStoragePath() => Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".bin");

    public DitioProject AddProject(DitioProject project, string companyId)
    {
        lock (_gate)
        {
            if (_projects.Exists(p => p.Project.Id == project.Id))
            {
                throw new InvalidOperationException($"A project with id '{project.Id}' already exists.");
            }

            _projects.Add((project, companyId));
            return project;
        }
    }

    public DitioWorkOrder AddWorkOrder(string id, string projectId, string? externalId, string name, string? shortDescription) =>
        AddWorkOrder(new DitioWorkOrder
        {
            Id = id,
            ProjectId = projectId,
            ExternalId = externalId,
            Name = name,
            Active = true,
            CompanyId = CompanyId,
            WorkDescriptionShort = shortDescription,
        });

    private DitioWorkOrder AddWorkOrder(DitioWorkOrder workOrder)
    {
        lock (_gate)
        {
            if (!_projects.Exists(p => p.Project.Id == workOrder.ProjectId))
            {
                throw new InvalidOperationException($"No project with id '{workOrder.ProjectId}'.");
            }

            _workOrders.Add(workOrder);
            return workOrder;
        }
    }

    public IReadOnlyList<DitioProject> ProjectsOf(string companyId)
    {
        lock (_gate)
        {
            return _projects.Where(p => p.CompanyId == companyId).Select(p => p.Project).ToList();
        }
    }

    /// <summary>Finds a project by id and tells whether it belongs to the caller's company.</summary>
    public (DitioProject? Project, bool Ours) FindProject(Func<DitioProject, bool> match)
    {
        lock (_gate)
        {
            var found = _projects.Find(p => match(p.Project));
            return (found.Project, found.CompanyId == CompanyId);
        }
    }

    public (DitioWorkOrder? WorkOrder, bool Ours) FindWorkOrder(string id)
    {
        lock (_gate)
        {
            var workOrder = _workOrders.Find(w => w.Id == id);
            var ours = workOrder is not null && _projects.Exists(p => p.Project.Id == workOrder.ProjectId && p.CompanyId == CompanyId);
            return (workOrder, ours);
        }
    }

    public IReadOnlyList<DitioWorkOrder> WorkOrdersOf(string projectId)
    {
        lock (_gate)
        {
            return _workOrders.Where(w => w.ProjectId == projectId).ToList();
        }
    }

    public IReadOnlyList<EmulatedDocument> Documents(Func<EmulatedDocument, bool>? match = null)
    {
        lock (_gate)
        {
            return _documents.Where(match ?? (_ => true)).ToList();
        }
    }

    /// <summary>
    /// Attaches uploaded files to a page, all or nothing; with <paramref name="replace"/>, documents already on the
    /// page with the same name (case-insensitive) are removed first.
    /// </summary>
    public (IReadOnlyList<EmulatedDocument> Created, IReadOnlyList<EmulatedDocument> Page) Attach(
        IReadOnlyList<EmulatedDocument> files, bool replace)
    {
        var pageId = files[0].PageExternalId;
        var projectId = files[0].ProjectId;
        List<EmulatedDocument> removed;
        lock (_gate)
        {
            var section = _documents.Find(d => d.ProjectId == projectId && d.PageExternalId == pageId)?.Section;
            removed = replace
                ? _documents.Where(d => d.ProjectId == projectId && d.PageExternalId == pageId && files.Any(f => SameName(f.Name, d.Name))).ToList()
                : [];
            _documents.RemoveAll(removed.Contains);
            var created = files.Select(f => section is null ? f : f with { Section = section }).ToList();
            _documents.AddRange(created);
            var page = _documents.Where(d => d.ProjectId == projectId && d.PageExternalId == pageId).ToList();
            DeleteFiles(removed);
            return (created, page);
        }
    }

    public EmulatedDocument? Remove(string fileReferenceId, Func<EmulatedDocument, bool> visible)
    {
        lock (_gate)
        {
            var document = _documents.Find(d => d.FileReferenceId == fileReferenceId && visible(d));
            if (document is not null)
            {
                _documents.Remove(document);
                DeleteFiles([document]);
            }

            return document;
        }
    }

    public static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static string PageExternalId(string projectId, string section) =>
        $"int-projdocs:{projectId}:{section.Trim().ToLowerInvariant()}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static void DeleteFiles(IEnumerable<EmulatedDocument> documents)
    {
        foreach (var document in documents)
        {
            File.Delete(document.StoragePath);
        }
    }
}

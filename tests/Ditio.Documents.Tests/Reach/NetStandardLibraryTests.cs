using System.Reflection;
using System.Runtime.Versioning;
using Ditio.Documents.NetStandardLibrary;

namespace Ditio.Documents.Tests.Reach;

/// <summary>
/// A user's netstandard2.0 library (compiled against the SDK's netstandard2.0 build) works in an app that loads the other
/// build: here, in Ditio.Documents.Tests, the net10.0 one, as in any .NET 10 app. Its init-only setters name the
/// netstandard2.0 build's IsExternalInit, which the net10.0 build forwards to the runtime's; without that forward every
/// call below throws MissingMethodException.
/// </summary>
public sealed class NetStandardLibraryTests
{
    [Fact]
    public void TheLibrary_IsCompiledForNetStandard() =>
        Assert.Equal(".NETStandard,Version=v2.0", typeof(UserCode).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);

    [Fact]
    public void InitOnlyPropertiesAndWith_SetByNetStandardCode_BindAndKeepTheirValues()
    {
        var upload = UserCode.UploadOptions();
        var sync = UserCode.SyncOptions();
        var renamed = UserCode.Renamed(UserCode.Project());

        Assert.Equal(("Tegninger", true), (upload.Section, upload.ReplaceExistingFilesWithSameName));
        Assert.Equal(("Tegninger", true, 3, true, "*.tmp"), (sync.Section, sync.DeleteRemoved, sync.MaxDelete, sync.DryRun, Assert.Single(sync.Exclude)));
        Assert.Equal(("p1", "P-1", "Renamed", false), (renamed.Id, renamed.ProjectNumber, renamed.Name, renamed.Active));
    }
}

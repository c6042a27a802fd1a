using System.Reflection;
using System.Runtime.Versioning;

namespace Ditio.Documents.Tests;

/// <summary>This suite runs the SDK's netstandard2.0 build, not the net10.0 build it was compiled against.</summary>
public sealed class NetStandardBuildTests
{
    [Fact]
    public void TheSdkUnderTest_IsTheNetStandardBuild() =>
        Assert.Equal(".NETStandard,Version=v2.0", typeof(DitioDocumentsClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
}

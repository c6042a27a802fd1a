using System.Text.Json;
using Ditio.Documents.Internal.Authentication;
using Ditio.Documents.Internal.Json;

namespace Ditio.Documents.Tests.Json;

/// <summary>The SDK's JSON contracts: source-generated only (no reflection, as in a Native AOT app), and lenient.</summary>
public sealed class DitioJsonTests
{
    [Fact]
    public void Options_ResolveOnlyFromTheSourceGeneratedContext()
    {
        Assert.IsType<DitioJsonContext>(DitioJson.Options.TypeInfoResolver);
        Assert.False(DitioJson.Options.TryGetTypeInfo(typeof(DitioDocumentsOptions), out _));
    }

    [Theory]
    [InlineData(typeof(List<DitioProject>))]
    [InlineData(typeof(DitioProject))]
    [InlineData(typeof(List<DitioWorkOrder>))]
    [InlineData(typeof(DocumentPageList))]
    [InlineData(typeof(DocumentUploadResult))]
    [InlineData(typeof(DocumentDescription))]
    [InlineData(typeof(DescriptionBody))]
    [InlineData(typeof(TokenResponse))]
    public void Options_EveryBodyTheSdkReadsOrWrites_HasAGeneratedContract(Type type) =>
        Assert.True(DitioJson.Options.TryGetTypeInfo(type, out _));

    [Fact]
    public void Deserialize_NullOrMissingStringMembers_ReadAsEmpty()
    {
        var project = JsonSerializer.Deserialize("""{"id":null,"companyId":null,"name":null}""", DitioJson.TypeInfo<DitioProject>())!;

        Assert.Equal(("", "", "", ""), (project.Id, project.CompanyId, project.ProjectNumber, project.Name));
    }

    [Fact]
    public void Deserialize_NullOrMissingListMembers_ReadAsEmpty()
    {
        var result = JsonSerializer.Deserialize("""{"files":null}""", DitioJson.TypeInfo<DocumentUploadResult>())!;
        var pages = JsonSerializer.Deserialize("""[{"files":null},{}]""", DitioJson.TypeInfo<DocumentPageList>())!;

        Assert.Empty(result.Files);
        Assert.Empty(result.PageFiles);
        Assert.All(pages.Pages, page => Assert.Empty(page.Files));
    }

    [Fact]
    public void Deserialize_UnknownMembers_AreKeptAsAdditionalFields()
    {
        var workOrder = JsonSerializer.Deserialize("""{"id":7,"priority":"high"}""", DitioJson.TypeInfo<DitioWorkOrder>())!;

        Assert.Equal("7", workOrder.Id);
        Assert.Equal("high", workOrder.AdditionalFields!["priority"].GetString());
    }
}

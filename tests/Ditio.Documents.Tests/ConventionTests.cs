using System.Reflection;
using System.Runtime.CompilerServices;

namespace Ditio.Documents.Tests;

/// <summary>Keeps the public surface small, sealed, free of plumbing types, and cancellable.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Sdk = typeof(IDitioDocumentsClient).Assembly;
    private static readonly Type[] PublicTypes = Sdk.GetExportedTypes();

    [Fact]
    public void PublicTypes_LiveOutsideInternalNamespaces()
    {
        Assert.DoesNotContain(PublicTypes, t => t.Namespace!.Contains(".Internal", StringComparison.Ordinal));
        Assert.All(Sdk.GetTypes().Where(t => t.Namespace?.Contains(".Internal", StringComparison.Ordinal) == true), t => Assert.False(t.IsVisible, t.FullName));
    }

    [Fact]
    public void PublicClasses_AreSealedOrAbstractOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName);
        Assert.Empty(open);
    }

    [Fact]
    public void PublicSignatures_NeverExposeRefitOrPollyTypes()
    {
        var members = PublicTypes.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        var leaks = members.SelectMany(m => TypesIn(m).Select(t => (Member: $"{m.DeclaringType!.Name}.{m.Name}", Type: t)))
            .Where(x => x.Type.Namespace is { } ns && (ns.StartsWith("Refit", StringComparison.Ordinal) || ns.StartsWith("Polly", StringComparison.Ordinal)))
            .Select(x => $"{x.Member}: {x.Type.FullName}");
        Assert.Empty(leaks);
    }

    [Fact]
    public void PublicAsyncMethods_EndInAsyncAndTakeACancellationTokenLast()
    {
        var asyncMethods = PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && !m.IsSpecialName)
            .ToList();

        Assert.NotEmpty(asyncMethods);
        Assert.All(asyncMethods, m =>
        {
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            var last = m.GetParameters().LastOrDefault();
            Assert.True(last?.ParameterType == typeof(CancellationToken), $"{m.DeclaringType!.Name}.{m.Name} must take a CancellationToken last");
            Assert.True(last!.HasDefaultValue, $"{m.DeclaringType!.Name}.{m.Name}: the CancellationToken must default");
        });
    }

    [Fact]
    public void PublicModels_AreSealedRecords()
    {
        Type[] models = [typeof(DitioProject), typeof(DitioWorkOrder), typeof(DocumentPage), typeof(DocumentPageFile), typeof(DocumentUploadResult),
            typeof(UploadedDocument), typeof(DocumentFileReference), typeof(DocumentUploadOptions), typeof(DownloadedDocument), typeof(DocumentTarget), typeof(DocumentDescription)];
        Assert.All(models, t =>
        {
            Assert.True(t.IsSealed, t.Name);
            Assert.NotNull(t.GetMethod("<Clone>$"));
        });
    }

    private static IEnumerable<Type> TypesIn(MemberInfo member) => member switch
    {
        MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        EventInfo e => [e.EventHandlerType!],
        _ => [],
    } is var types ? types.SelectMany(Flatten) : [];

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Flatten)]
        : type.HasElementType ? Flatten(type.GetElementType()!)
        : [type];
}

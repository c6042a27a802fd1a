#if !NET
namespace System.IO;

/// <summary>.NET Framework's stand-in for <c>System.IO.EnumerationOptions</c>, with .NET's defaults (the members the SDK uses).</summary>
internal sealed class EnumerationOptions
{
    public bool RecurseSubdirectories { get; set; }

    public FileAttributes AttributesToSkip { get; set; } = FileAttributes.Hidden | FileAttributes.System;

    public bool IgnoreInaccessible { get; set; } = true;
}
#endif

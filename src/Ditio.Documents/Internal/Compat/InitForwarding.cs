#if NET
using System.Runtime.CompilerServices;

// The netstandard2.0 build marks init-only setters with its own IsExternalInit (a compiler polyfill), so code compiled
// against that build (a user's netstandard2.0 library) names Ditio.Documents' IsExternalInit in every init call. In a
// .NET app, which loads this build, the name forwards to the runtime's type, so those calls bind to these setters
// (without it: MissingMethodException, tested by NetStandardLibraryTests).
[assembly: TypeForwardedTo(typeof(IsExternalInit))]
#endif

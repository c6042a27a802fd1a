using Ditio.Documents.AspNetSample;

// Everything is set up in SampleApp.Build, so the integration tests can run the very same app on loopback.
var app = SampleApp.Build(args);
await app.RunAsync();

/// <summary>The sample's entry point (public so tests can name the assembly's entry type).</summary>
public partial class Program;

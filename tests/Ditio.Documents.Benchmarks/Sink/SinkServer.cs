using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ditio.Documents.Benchmarks.Sink;

/// <summary>
/// <c>sink</c>: a Ditio-shaped server on 127.0.0.1 (Kestrel, random port) that stores nothing. It prints
/// <c>sink listening on http://127.0.0.1:PORT</c>, then serves until its standard input closes (or a line is entered).
/// </summary>
internal static class SinkServer
{
    public const string ReadyPrefix = "sink listening on ";

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        await using var app = builder.Build();
        app.Run(SinkRoutes.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Console.WriteLine(ReadyPrefix + address);
        await Console.In.ReadLineAsync();
        await app.StopAsync();
        return 0;
    }
}

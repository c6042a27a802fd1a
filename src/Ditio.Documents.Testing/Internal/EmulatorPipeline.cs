using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Ditio.Documents.Testing.Internal;

/// <summary>
/// Every request passes, in order: the journal, injected faults, delay and throttle, the token check on
/// <c>/core</c>, then the routes. Routing works on the raw, still-escaped path, one segment at a time, so a
/// project number with <c>/</c> or <c>#</c> in it arrives whole.
/// </summary>
internal sealed class EmulatorPipeline(
    EmulatorFaults faults,
    EmulatorTokens tokens,
    IdentityEndpoint identity,
    LookupEndpoints lookups,
    DocumentEndpoints documents,
    List<EmulatorRequest> journal,
    TimeProvider time)
{
    private const string ApiPrefix = "/core/api/v4/integration/";

    public async Task InvokeAsync(HttpContext context)
    {
        var rawPath = RawPath(context);
        var entry = new EmulatorRequest
        {
            Method = context.Request.Method,
            Path = rawPath,
            Query = context.Request.QueryString.Value ?? "",
            HadAuthorization = context.Request.Headers.Authorization.Count > 0,
        };
        var fault = faults.Take(entry.Method, rawPath);

        // The entry takes its place when the request arrives, so the journal is in arrival order even when a dropped
        // request finishes after its retry; it is completed in place when the request ends.
        var placeholder = entry with { Fault = fault?.Describe() };
        lock (journal)
        {
            journal.Add(placeholder);
        }

        try
        {
            await ServeAsync(context, rawPath, fault);
        }
        finally
        {
            var dropped = fault is { Kind: not EmulatorFaultKind.Status } || context.RequestAborted.IsCancellationRequested;
            lock (journal)
            {
                // Found by reference: the journal may have been cleared meanwhile.
                var index = journal.FindIndex(e => ReferenceEquals(e, placeholder));
                if (index >= 0)
                {
                    journal[index] = placeholder with
                    {
                        Parts = context.Items.TryGetValue(EmulatorRequestItems.Parts, out var parts) ? (IReadOnlyList<(string, string?)>)parts! : [],
                        StatusCode = dropped ? null : context.Response.StatusCode,
                    };
                }
            }
        }
    }

    private async Task ServeAsync(HttpContext context, string rawPath, FaultRule? fault)
    {
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.Status:
                if (fault.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await EmulatorJson.ErrorAsync(context, fault.StatusCode, "InjectedFault", $"Injected fault: status {fault.StatusCode}.");
                return;
            case EmulatorFaultKind.DropBeforeBody:
                context.Abort();
                return;
            case EmulatorFaultKind.DropAfterBody:
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                context.Abort();
                return;
            case EmulatorFaultKind.DropAfterProcessing:
                context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
                await RouteAsync(context, rawPath);
                context.Abort();
                return;
        }

        if (faults.ResponseDelay is { } delay)
        {
            await Task.Delay(delay, time, context.RequestAborted);
        }

        if (faults.ThrottleBytesPerSecond is not null)
        {
            context.Request.Body = new ThrottledStream(context.Request.Body, () => faults.ThrottleBytesPerSecond);
            var original = context.Features.Get<IHttpResponseBodyFeature>()!;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new ThrottledStream(original.Stream, () => faults.ThrottleBytesPerSecond), original));
        }

        await RouteAsync(context, rawPath);
    }

    private async Task RouteAsync(HttpContext context, string rawPath)
    {
        if (rawPath == "/identity/connect/token")
        {
            await identity.HandleAsync(context);
            return;
        }

        if (!rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No route {rawPath}.");
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !tokens.IsValid(header["Bearer ".Length..].Trim()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = header.Length == 0 ? "Bearer" : "Bearer error=\"invalid_token\"";
            return;
        }

        var route = rawPath[ApiPrefix.Length..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (!await lookups.TryHandleAsync(context, route) && !await documents.TryHandleAsync(context, route))
        {
            await EmulatorJson.ErrorAsync(context, 404, "NotFound", $"No route {rawPath}.");
        }
    }

    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }
}

using System.Net;
using System.Text.Json;
using Disgo.Emulator.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Disgo.Emulator.Control;

/// <summary>
/// Maps the local control endpoint under <c>/_emulator/</c>, through which a CLI user (or any HTTP tool) reads
/// observations, injects gateway faults and emits events. It answers loopback callers only.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(WebApplication app, EmulatorServices services)
    {
        var routes = new ControlRoutes(services);
        Map(app, "sessions", HttpMethods.Get, routes.GetSessionsAsync);
        Map(app, "connections", HttpMethods.Get, routes.GetConnectionsAsync);
        Map(app, "violations", HttpMethods.Get, routes.GetViolationsAsync);
        Map(app, "faults", HttpMethods.Post, WithBody(routes.PostFaultAsync));
        Map(app, "events/message", HttpMethods.Post, WithBody(routes.PostMessageAsync));
        Map(app, "events/rate", HttpMethods.Post, WithBody(routes.PostRateAsync));

        var rest = new RestControlRoutes(services);
        Map(app, "rest/faults", HttpMethods.Post, WithBody(rest.PostFaultAsync));
        Map(app, "rest/buckets", HttpMethods.Post, WithBody(rest.PostBucketAsync));
        Map(app, "rest/interactions", HttpMethods.Post, WithBody(rest.PostInteractionAsync));
        Map(app, "rest/requests", HttpMethods.Get, rest.GetRequestsAsync);
        Map(app, "rest/invalid", HttpMethods.Get, rest.GetInvalidAsync);
        Map(app, "rest/messages", HttpMethods.Get, rest.GetMessagesAsync);

        // The emulator owns the source's timer; it must not outlive the listener.
        app.Lifetime.ApplicationStopping.Register(services.Events.Stop);
    }

    private static void Map(IEndpointRouteBuilder app, string path, string method, RequestDelegate handler) =>
        app.Map($"{Prefix}/{path}", context =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
                return RestResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "403: Forbidden (the control endpoint answers loopback callers only)");
            return HttpMethods.Equals(context.Request.Method, method)
                ? handler(context)
                : RestResponses.WriteMethodNotAllowedAsync(context, method);
        });

    private static RequestDelegate WithBody(Func<HttpContext, JsonElement, Task> handler) => async context =>
    {
        var (document, error) = await ControlRequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            await ControlRoutes.WriteBadRequestAsync(context, error!).ConfigureAwait(false);
            return;
        }

        using (document)
            await handler(context, document.RootElement).ConfigureAwait(false);
    };
}

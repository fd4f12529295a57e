using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Disgo.Emulator.Rest;

/// <summary>
/// Maps Discord's REST routes under <c>/api/v{version}</c>, plus Discord-shaped answers for everything else:
/// 400 for unsupported API versions, 404 for unknown routes and 405 for a known route with the wrong method.
/// </summary>
internal static class RestEndpoints
{
    private const string ApiPrefix = "/api/v{" + ApiVersion.RouteParameter + "}";

    public static void Map(WebApplication app, EmulatorServices services)
    {
        var gateway = new GatewayRoutes(services, new RestRateLimits(services));
        MapGet(app, ApiPrefix + "/gateway", gateway.GetGatewayAsync);
        MapGet(app, ApiPrefix + "/gateway/bot", gateway.GetGatewayBotAsync);

        // No "nonfile" constraint: /api/v10/favicon.ico is an unknown route like any other, not a file.
        app.MapFallback("{**path}", AnswerUnknownRouteAsync);
    }

    // Mapped for every method so the wrong one gets Discord's JSON 405 rather than the framework's empty one.
    private static void MapGet(IEndpointRouteBuilder app, string pattern, RequestDelegate handler) =>
        app.Map(pattern, context =>
        {
            if (!ApiVersion.IsSupported(context))
                return ApiVersion.WriteUnsupportedAsync(context);
            return HttpMethods.IsGet(context.Request.Method)
                ? handler(context)
                : RestResponses.WriteMethodNotAllowedAsync(context, HttpMethods.Get);
        });

    private static Task AnswerUnknownRouteAsync(HttpContext context)
    {
        if (IsUnsupportedApiVersion(context.Request.Path))
            return ApiVersion.WriteUnsupportedAsync(context);
        return RestResponses.WriteNotFoundAsync(context);
    }

    private static bool IsUnsupportedApiVersion(PathString path)
    {
        var value = path.Value.AsSpan();
        if (!value.StartsWith("/api/v", StringComparison.Ordinal))
            return false;
        var version = value["/api/v".Length..];
        var end = version.IndexOf('/');
        if (end >= 0)
            version = version[..end];
        return !ApiVersion.IsSupported(version);
    }
}

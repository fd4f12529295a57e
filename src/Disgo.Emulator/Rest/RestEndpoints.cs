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
        var pipeline = new RestPipeline(services);
        var gateway = new GatewayRoutes(services);
        var publisher = new MessagePublisher(services);
        var messages = new MessageRoutes(services, publisher);
        var guilds = new GuildRoutes(services);
        var interactions = new InteractionRoutes(services, messages, publisher);
        var commands = new CommandRoutes(services);

        Map(app, pipeline, "/gateway", (HttpMethods.Get, ApiRoute.GetGateway, gateway.GetGatewayAsync));
        Map(app, pipeline, "/gateway/bot", (HttpMethods.Get, ApiRoute.GetGatewayBot, gateway.GetGatewayBotAsync));
        Map(app, pipeline, "/channels/{channel_id}", (HttpMethods.Get, ApiRoute.GetChannel, guilds.GetChannelAsync));
        Map(app, pipeline, "/channels/{channel_id}/messages", (HttpMethods.Post, ApiRoute.CreateMessage, messages.CreateAsync));
        Map(
            app,
            pipeline,
            "/channels/{channel_id}/messages/{message_id}",
            (HttpMethods.Patch, ApiRoute.EditMessage, messages.EditAsync),
            (HttpMethods.Delete, ApiRoute.DeleteMessage, messages.DeleteAsync));
        Map(app, pipeline, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", (HttpMethods.Put, ApiRoute.CreateReaction, messages.CreateReactionAsync));
        Map(app, pipeline, "/guilds/{guild_id}/members/{user_id}", (HttpMethods.Get, ApiRoute.GetGuildMember, guilds.GetMemberAsync));
        Map(app, pipeline, "/interactions/{interaction_id}/{token}/callback", (HttpMethods.Post, ApiRoute.InteractionCallback, interactions.CallbackAsync));
        Map(app, pipeline, "/webhooks/{application_id}/{token}", (HttpMethods.Post, ApiRoute.CreateFollowup, interactions.CreateFollowupAsync));
        Map(
            app,
            pipeline,
            "/webhooks/{application_id}/{token}/messages/{message_id}",
            (HttpMethods.Patch, ApiRoute.EditFollowup, interactions.EditFollowupAsync),
            (HttpMethods.Delete, ApiRoute.DeleteFollowup, interactions.DeleteFollowupAsync));
        Map(app, pipeline, "/applications/{application_id}/commands", (HttpMethods.Put, ApiRoute.BulkOverwriteCommands, commands.BulkOverwriteAsync));

        // No "nonfile" constraint: /api/v10/favicon.ico is an unknown route like any other, not a file.
        app.MapFallback("{**path}", context => pipeline.RunUnroutedAsync(context, AnswerUnknownRouteAsync));
    }

    // Mapped for every method so the wrong one gets Discord's JSON 405 rather than the framework's empty one.
    private static void Map(IEndpointRouteBuilder app, RestPipeline pipeline, string path, params (string Method, ApiRoute Route, RestHandler Handler)[] methods)
    {
        var allowed = string.Join(", ", methods.Select(m => m.Method));
        app.Map(ApiPrefix + path, context =>
        {
            if (!ApiVersion.IsSupported(context))
                return pipeline.RunUnroutedAsync(context, ApiVersion.WriteUnsupportedAsync);
            foreach (var (method, route, handler) in methods)
            {
                if (HttpMethods.Equals(context.Request.Method, method))
                    return pipeline.RunAsync(context, route, handler);
            }

            return pipeline.RunUnroutedAsync(context, c => RestResponses.WriteMethodNotAllowedAsync(c, allowed));
        });
    }

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

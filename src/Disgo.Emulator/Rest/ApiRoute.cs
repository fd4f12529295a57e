namespace Disgo.Emulator.Rest;

/// <summary>The REST routes the emulator serves; faults and bucket changes target one of them.</summary>
public enum ApiRoute
{
    GetGateway,
    GetGatewayBot,
    CreateMessage,
    EditMessage,
    DeleteMessage,
    CreateReaction,
    GetChannel,
    GetGuildMember,
    InteractionCallback,
    CreateFollowup,
    EditFollowup,
    DeleteFollowup,
    BulkOverwriteCommands,
}

/// <summary>What the emulator knows about each <see cref="ApiRoute"/>: names, authentication and limits.</summary>
public static class ApiRoutes
{
    private static readonly ApiRoute[] AllRoutes = Enum.GetValues<ApiRoute>();

    public static IReadOnlyList<ApiRoute> All => AllRoutes;

    /// <summary>The snake_case name the control endpoint uses, e.g. <c>create_message</c>.</summary>
    public static string Name(this ApiRoute route) => route switch
    {
        ApiRoute.GetGateway => "get_gateway",
        ApiRoute.GetGatewayBot => "get_gateway_bot",
        ApiRoute.CreateMessage => "create_message",
        ApiRoute.EditMessage => "edit_message",
        ApiRoute.DeleteMessage => "delete_message",
        ApiRoute.CreateReaction => "create_reaction",
        ApiRoute.GetChannel => "get_channel",
        ApiRoute.GetGuildMember => "get_guild_member",
        ApiRoute.InteractionCallback => "interaction_callback",
        ApiRoute.CreateFollowup => "create_followup",
        ApiRoute.EditFollowup => "edit_followup",
        ApiRoute.DeleteFollowup => "delete_followup",
        ApiRoute.BulkOverwriteCommands => "bulk_overwrite_commands",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    /// <summary>The route as <c>METHOD /template</c>, for messages and the request log.</summary>
    public static string Template(this ApiRoute route) => route switch
    {
        ApiRoute.GetGateway => "GET /gateway",
        ApiRoute.GetGatewayBot => "GET /gateway/bot",
        ApiRoute.CreateMessage => "POST /channels/{channel_id}/messages",
        ApiRoute.EditMessage => "PATCH /channels/{channel_id}/messages/{message_id}",
        ApiRoute.DeleteMessage => "DELETE /channels/{channel_id}/messages/{message_id}",
        ApiRoute.CreateReaction => "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
        ApiRoute.GetChannel => "GET /channels/{channel_id}",
        ApiRoute.GetGuildMember => "GET /guilds/{guild_id}/members/{user_id}",
        ApiRoute.InteractionCallback => "POST /interactions/{interaction_id}/{token}/callback",
        ApiRoute.CreateFollowup => "POST /webhooks/{application_id}/{token}",
        ApiRoute.EditFollowup => "PATCH /webhooks/{application_id}/{token}/messages/{message_id}",
        ApiRoute.DeleteFollowup => "DELETE /webhooks/{application_id}/{token}/messages/{message_id}",
        ApiRoute.BulkOverwriteCommands => "PUT /applications/{application_id}/commands",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    /// <summary>The route a control request names, or null.</summary>
    public static ApiRoute? Parse(string? name)
    {
        foreach (var route in AllRoutes)
        {
            if (route.Name() == name)
                return route;
        }

        return null;
    }

    /// <summary>
    /// Interaction routes carry their own token in the path: they need no <c>Authorization</c> and are exempt from
    /// the global limit, as Discord documents.
    /// </summary>
    public static bool IsInteraction(this ApiRoute route) =>
        route is ApiRoute.InteractionCallback or ApiRoute.CreateFollowup or ApiRoute.EditFollowup or ApiRoute.DeleteFollowup;

    /// <summary>Whether the route needs the bot token (everything but <c>GET /gateway</c> and the interaction routes).</summary>
    public static bool RequiresBotToken(this ApiRoute route) => route != ApiRoute.GetGateway && !route.IsInteraction();

    /// <summary>Whether the route counts against the bot's global limit (authenticated, non-interaction routes).</summary>
    public static bool CountsGlobally(this ApiRoute route) => route.RequiresBotToken();

    /// <summary>
    /// The name of the bucket the route starts in: routes with the same group share one bucket hash, as Discord's
    /// edit and delete message routes do.
    /// </summary>
    internal static string BucketGroup(this ApiRoute route) => route switch
    {
        ApiRoute.EditMessage or ApiRoute.DeleteMessage => "messages:edit-or-delete",
        ApiRoute.CreateFollowup or ApiRoute.EditFollowup or ApiRoute.DeleteFollowup => "webhooks:token",
        _ => route.Template(),
    };
}

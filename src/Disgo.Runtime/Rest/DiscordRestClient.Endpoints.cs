using Disgo.Models;
using Disgo.Rest.Models;
using Disgo.Serialization;
using Disgo.Sharding;

namespace Disgo.Rest;

/// <summary>The routes a bot needs first; any other goes through <c>SendAsync</c> with a <see cref="RestRoute"/>.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary><c>GET /gateway/bot</c>: the gateway URL, the recommended shard count and the session start budget.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        var route = RestRoute.Create(HttpMethod.Get, "/gateway/bot");
        var answer = await SendAsync(route, DisgoJsonContext.Default.GatewayBot, cancellationToken).ConfigureAwait(false);
        try
        {
            return answer.ToInfo();
        }
        catch (FormatException exception)
        {
            throw new DiscordMalformedResponseException(route.ToString(), $"{route} answered without a usable URL: {exception.Message}", 200, exception);
        }
    }

    /// <summary><c>POST /channels/{channel_id}/messages</c>. Never repeated after a 5xx or timeout (it may have been posted); set a nonce with <c>EnforceNonce</c> to retry safely yourself.</summary>
    public Task<Message> CreateMessageAsync(Snowflake channelId, CreateMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channelId.ToString()),
            message,
            DisgoJsonContext.Default.CreateMessage,
            DisgoJsonContext.Default.Message,
            cancellationToken);

    /// <summary><c>PATCH /channels/{channel_id}/messages/{message_id}</c>: changes the fields set in <paramref name="edit"/>.</summary>
    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, EditMessage edit, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", channelId.ToString(), messageId.ToString()),
            edit,
            DisgoJsonContext.Default.EditMessage,
            DisgoJsonContext.Default.Message,
            cancellationToken);

    /// <summary><c>DELETE /channels/{channel_id}/messages/{message_id}</c>.</summary>
    public Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default) =>
        SendAsync(RestRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", channelId.ToString(), messageId.ToString()), cancellationToken);

    /// <summary>
    /// <c>PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me</c>. <paramref name="emoji"/> is a
    /// Unicode emoji (<c>"👍"</c>) or a custom one as <c>name:id</c>; it is URL-escaped here.
    /// </summary>
    public Task CreateReactionAsync(Snowflake channelId, Snowflake messageId, string emoji, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Put, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", channelId.ToString(), messageId.ToString(), emoji),
            cancellationToken);

    /// <summary><c>GET /channels/{channel_id}</c>.</summary>
    public Task<Channel> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default) =>
        SendAsync(RestRoute.Create(HttpMethod.Get, "/channels/{channel_id}", channelId.ToString()), DisgoJsonContext.Default.Channel, cancellationToken);

    /// <summary><c>GET /guilds/{guild_id}/members/{user_id}</c>.</summary>
    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", guildId.ToString(), userId.ToString()),
            DisgoJsonContext.Default.GuildMember,
            cancellationToken);

    /// <summary>
    /// <c>POST /interactions/{interaction_id}/{interaction_token}/callback</c>: the initial answer, due within 3 s.
    /// Exempt from the global limit.
    /// </summary>
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", interactionId.ToString(), interactionToken),
            response,
            DisgoJsonContext.Default.InteractionResponse,
            cancellationToken);

    /// <summary><c>POST /webhooks/{application_id}/{interaction_token}</c>: a follow-up message, within 15 minutes of the interaction.</summary>
    public Task<Message> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, InteractionMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", applicationId.ToString(), interactionToken),
            message,
            DisgoJsonContext.Default.InteractionMessage,
            DisgoJsonContext.Default.Message,
            cancellationToken);

    /// <summary>
    /// <c>PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}</c>; pass <c>"@original"</c> as
    /// <paramref name="messageId"/> to edit the initial response.
    /// </summary>
    public Task<Message> EditFollowupMessageAsync(Snowflake applicationId, string interactionToken, string messageId, EditMessage edit, CancellationToken cancellationToken = default) =>
        SendAsync(
            FollowupRoute(HttpMethod.Patch, applicationId, interactionToken, messageId),
            edit,
            DisgoJsonContext.Default.EditMessage,
            DisgoJsonContext.Default.Message,
            cancellationToken);

    /// <summary><c>DELETE /webhooks/{application_id}/{interaction_token}/messages/{message_id}</c> (or <c>"@original"</c>).</summary>
    public Task DeleteFollowupMessageAsync(Snowflake applicationId, string interactionToken, string messageId, CancellationToken cancellationToken = default) =>
        SendAsync(FollowupRoute(HttpMethod.Delete, applicationId, interactionToken, messageId), cancellationToken);

    /// <summary><c>PUT /applications/{application_id}/commands</c>: replaces every global command with <paramref name="commands"/>.</summary>
    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalApplicationCommandsAsync(
        Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            RestRoute.Create(HttpMethod.Put, "/applications/{application_id}/commands", applicationId.ToString()),
            commands,
            DisgoJsonContext.Default.IReadOnlyListApplicationCommand,
            DisgoJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);

    private static RestRoute FollowupRoute(HttpMethod method, Snowflake applicationId, string interactionToken, string messageId) =>
        RestRoute.Create(method, "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", applicationId.ToString(), interactionToken, messageId);
}

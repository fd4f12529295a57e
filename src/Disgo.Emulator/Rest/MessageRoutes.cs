using Disgo.Emulator.World;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>Create, edit and delete message, and create reaction, in a guild channel of the emulated world.</summary>
internal sealed class MessageRoutes(EmulatorServices services, MessagePublisher publisher)
{
    /// <summary>JSON bodies beyond this are refused with 413 (40005); it is also the listener's own request limit.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary><c>POST /channels/{channel_id}/messages</c>: the bot posts a message (a reply when it has a <c>message_reference</c>).</summary>
    public async Task CreateAsync(RestRequest request)
    {
        var context = request.Context;
        if (!services.World.TryFindChannel(request.ResourceId, out var guild, out var channelIndex))
        {
            await RestError.UnknownChannel.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (await ReadNewMessageAsync(context).ConfigureAwait(false) is not { } payload)
            return;

        ulong? replyTo = null;
        if (payload.Reference is { } reference)
        {
            var known = services.World.Messages.Find(request.ResourceId, reference.MessageId) is not null;
            if (!known && reference.FailIfNotExists)
            {
                await RestError.Form(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message").WriteAsync(context).ConfigureAwait(false);
                return;
            }

            replyTo = known ? reference.MessageId : null;
        }

        var message = new StoredMessage(
            services.World.NextId(), guild, channelIndex, AuthorIndex: 0, payload.Content ?? "", services.Time.GetUtcNow(), ReferencedMessageId: replyTo);
        await publisher.CreateAsync(context, message).ConfigureAwait(false);
    }

    /// <summary><c>PATCH /channels/{channel_id}/messages/{message_id}</c>: the bot edits one of its own messages.</summary>
    public async Task EditAsync(RestRequest request)
    {
        var context = request.Context;
        var (message, lookupError) = Find(request);
        if (message is null)
        {
            await lookupError!.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (message.AuthorIndex != 0)
        {
            await RestError.Forbidden("Cannot edit a message authored by another user", DiscordErrorCodes.CannotEditOtherUsersMessage).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (await ReadPayloadAsync(context).ConfigureAwait(false) is { } payload)
            await EditAsync(context, message, payload).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="payload"/> to the bot's <paramref name="message"/>: content omitted stays as it was.</summary>
    public Task EditAsync(HttpContext context, StoredMessage message, MessagePayload payload)
    {
        var content = payload.Content ?? message.Content;
        return payload with { Content = content } is { IsEmpty: true }
            ? RestError.EmptyMessage.WriteAsync(context)
            : publisher.EditAsync(context, message, content);
    }

    /// <summary>
    /// <c>DELETE /channels/{channel_id}/messages/{message_id}</c>: the bot's own messages only, because the bot has no
    /// Manage Messages permission in the emulated guilds.
    /// </summary>
    public Task DeleteAsync(RestRequest request)
    {
        var (message, error) = Find(request);
        if (message is null)
            return error!.WriteAsync(request.Context);
        if (message.AuthorIndex != 0)
            return RestError.Forbidden("Missing Permissions", DiscordErrorCodes.MissingPermissions).WriteAsync(request.Context);
        return publisher.DeleteAsync(request.Context, message);
    }

    /// <summary>
    /// <c>PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me</c>: a unicode emoji, or <c>name:id</c>
    /// for a custom one (the emulated guilds have none, so those are unknown).
    /// </summary>
    public Task CreateReactionAsync(RestRequest request)
    {
        var (message, error) = Find(request);
        if (message is null)
            return error!.WriteAsync(request.Context);

        var emoji = request.Value("emoji");
        if (!IsUnicodeEmoji(emoji))
            return RestError.BadRequest("Unknown Emoji", DiscordErrorCodes.UnknownEmoji).WriteAsync(request.Context);
        publisher.React(request.Context, message, emoji, emoji, emojiId: null);
        return Task.CompletedTask;
    }

    /// <summary>The message body; null after answering the 400 for a body that is not one.</summary>
    public static async Task<MessagePayload?> ReadPayloadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RestError.TooLarge.WriteAsync(context).ConfigureAwait(false);
            return null;
        }

        var (document, _) = await JsonRequestBody.ReadAsync(context, MaxBodyBytes).ConfigureAwait(false);
        var (payload, error) = (null as MessagePayload, RestError.InvalidJson);
        if (document is not null)
        {
            using (document)
                (payload, error) = MessagePayload.Parse(document.RootElement);
        }

        if (payload is null)
            await error!.WriteAsync(context).ConfigureAwait(false);
        return payload;
    }

    /// <summary>The body of a new message; null after answering the 400 for a body that is not one or is empty.</summary>
    public static async Task<MessagePayload?> ReadNewMessageAsync(HttpContext context)
    {
        var payload = await ReadPayloadAsync(context).ConfigureAwait(false);
        if (payload is not { IsEmpty: true })
            return payload;
        await RestError.EmptyMessage.WriteAsync(context).ConfigureAwait(false);
        return null;
    }

    private (StoredMessage? Message, RestError? Error) Find(RestRequest request)
    {
        if (!services.World.TryFindChannel(request.ResourceId, out _, out _))
            return (null, RestError.UnknownChannel);
        if (request.Snowflake("message_id") is not { } messageId || services.World.Messages.Find(request.ResourceId, messageId) is not { } message)
            return (null, RestError.UnknownMessage);
        return (message, null);
    }

    // Discord checks against its emoji list; short text with no ASCII letters, digits or colon stands in for it here.
    private static bool IsUnicodeEmoji(string emoji)
    {
        if (emoji.Length is 0 or > 32)
            return false;
        foreach (var c in emoji)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ':' or ' ')
                return false;
        }

        return true;
    }
}

using System.Buffers;
using System.Text.Json;
using Disgo.Emulator.Events;
using Disgo.Emulator.World;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>
/// Changes to the world's messages made through REST: each is stored, dispatched to the shard that owns the
/// channel's guild, and answered with the same JSON the gateway sent, so both sides agree.
/// </summary>
internal sealed class MessagePublisher(EmulatorServices services)
{
    /// <summary>Stores a new message, dispatches MESSAGE_CREATE and answers 200 with the message.</summary>
    public Task CreateAsync(HttpContext context, StoredMessage message) =>
        RestResponses.WriteJsonBytesAsync(context, StatusCodes.Status200OK, Publish(message));

    /// <summary>Stores a new message and dispatches MESSAGE_CREATE; returns the message's JSON.</summary>
    public ReadOnlyMemory<byte> Publish(StoredMessage message)
    {
        services.World.Messages.Add(message);
        return Dispatch("MESSAGE_CREATE", message.Guild, message, static (writer, m) => GuildEventWriter.WriteMessage(writer, m));
    }

    /// <summary>Applies an edit, dispatches MESSAGE_UPDATE and answers 200 with the edited message.</summary>
    public Task EditAsync(HttpContext context, StoredMessage message, string content)
    {
        var edited = services.World.Messages.Update(message.Id, m => m with { Content = content, EditedAt = services.Time.GetUtcNow() });
        if (edited is null)
            return RestError.UnknownMessage.WriteAsync(context);
        var json = Dispatch("MESSAGE_UPDATE", edited.Guild, edited, static (writer, m) => GuildEventWriter.WriteMessage(writer, m));
        return RestResponses.WriteJsonBytesAsync(context, StatusCodes.Status200OK, json);
    }

    /// <summary>Removes a message, dispatches MESSAGE_DELETE and answers 204.</summary>
    public Task DeleteAsync(HttpContext context, StoredMessage message)
    {
        if (!services.World.Messages.Remove(message.Id))
            return RestError.UnknownMessage.WriteAsync(context);
        Dispatch("MESSAGE_DELETE", message.Guild, message, static (writer, m) => GuildEventWriter.WriteMessageDelete(writer, m));
        RestResponses.WriteNoContent(context);
        return Task.CompletedTask;
    }

    /// <summary>Adds the bot's reaction (once per emoji) and dispatches MESSAGE_REACTION_ADD; answers 204 either way.</summary>
    public void React(HttpContext context, StoredMessage message, string emoji, string emojiName, ulong? emojiId)
    {
        var added = false;
        var updated = services.World.Messages.Update(message.Id, m =>
        {
            if (m.BotReactions.Contains(emoji))
                return m;
            added = true;
            return m with { BotReactions = new HashSet<string>(m.BotReactions) { emoji } };
        });

        if (updated is not null && added)
        {
            Dispatch("MESSAGE_REACTION_ADD", message.Guild, (message, emojiName, emojiId), static (writer, reaction) =>
                GuildEventWriter.WriteMessageReactionAdd(
                    writer, reaction.message.Guild, reaction.message.ChannelIndex, memberIndex: 0, reaction.message.Id,
                    reaction.message.AuthorIndex, reaction.emojiName, reaction.emojiId));
        }

        RestResponses.WriteNoContent(context);
    }

    private ReadOnlyMemory<byte> Dispatch<TState>(string eventName, EmulatedGuild guild, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, RestResponses.WriterOptions))
            write(writer, state);
        services.Gateway.Dispatch(eventName, buffer.WrittenSpan, guild.Id);
        return buffer.WrittenMemory;
    }
}

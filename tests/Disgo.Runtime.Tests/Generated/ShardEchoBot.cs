using System.Collections.Concurrent;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>
/// A generated bot for the emulator: it handles GUILD_CREATE and MESSAGE_CREATE, and identifies with typing intents
/// too, so TYPING_START reaches it without any handler wanting it (and with MessageContent, since it reads content).
/// </summary>
[DiscordBot]
[Shards(2)]
[Intents(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.GuildMessageTyping | GatewayIntents.MessageContent)]
[Handlers(typeof(ShardEcho))]
internal sealed partial class ShardEchoBot;

internal sealed class ShardEcho
{
    public ConcurrentQueue<(Snowflake GuildId, int ShardId)> Guilds { get; } = new();

    public ConcurrentQueue<(Snowflake? GuildId, string Content, int ShardId)> Messages { get; } = new();

    [On]
    public void OnGuild(GuildCreate guild, DispatchContext context) => Guilds.Enqueue((guild.Id, context.ShardId));

    [On(GatewayEvents.MessageCreate)]
    public ValueTask OnMessage(Message message, DispatchContext context)
    {
        Messages.Enqueue((message.GuildId, message.Content, context.ShardId));
        return ValueTask.CompletedTask;
    }
}

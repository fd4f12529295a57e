using Disgo;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace AotBot;

/// <summary>The bot: a declaration; the generator writes its dispatcher, intents and factories.</summary>
[DiscordBot]
[Handlers(typeof(PingHandlers), typeof(Lifecycle))]
public sealed partial class PingBot;

/// <summary>Answers <c>!ping</c> by setting the bot's presence, and counts the messages it sees.</summary>
public sealed class PingHandlers(TextWriter output)
{
    private int _messages;

    /// <summary>The messages seen so far, on every shard: one instance serves them all, concurrently.</summary>
    public int Messages => Volatile.Read(ref _messages);

    [On(GatewayEvents.MessageCreate)]
    public void Count(Message message) => Interlocked.Increment(ref _messages);

    [On(GatewayEvents.MessageCreate)]
    public async ValueTask OnMessage(Message message, DispatchContext context)
    {
        if (message.Content != "!ping")
        {
            return;
        }

        output.WriteLine($"message {message.Id} from {message.Author.Username} in channel {message.ChannelId} on shard {context.ShardId} (sequence {context.Sequence}): {message.Content}");
        await context.UpdatePresenceAsync(new UpdatePresence
        {
            Status = PresenceStatus.Online,
            Activities = [new Activity { Name = $"pong #{Messages}", Type = ActivityType.Playing }],
        });
    }
}

/// <summary>Static handlers: called directly, no instance.</summary>
public static class Lifecycle
{
    [On]
    public static void OnReady(Ready ready, DispatchContext context) =>
        Console.WriteLine($"shard {context.ShardId} ready as {ready.User.Username} in {ready.Guilds.Count} guilds");
}

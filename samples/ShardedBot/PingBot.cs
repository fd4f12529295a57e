using Disgo;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace ShardedBot;

/// <summary>The bot: a declaration; the generator writes its dispatcher, intents and factories.</summary>
[DiscordBot]
[Handlers(typeof(PingHandlers))]
public sealed partial class PingBot;

/// <summary>Counts what each shard sees and notices pings.</summary>
public sealed class PingHandlers(ShardStatistics statistics)
{
    [On(GatewayEvents.GuildCreate)]
    public void OnGuild(GuildCreate guild, DispatchContext context) => statistics.GuildArrived(context.ShardId);

    [On(GatewayEvents.MessageCreate)]
    public void OnMessage(Message message, DispatchContext context)
    {
        statistics.MessageArrived(context.ShardId);
        if (message.Content == "!ping")
            Console.WriteLine($"  shard {context.ShardId}: !ping from {message.Author.Username} in channel {message.ChannelId}");
    }
}

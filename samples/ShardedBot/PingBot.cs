using Disgo;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;
using Disgo.Rest;
using Disgo.Rest.Models;

namespace ShardedBot;

/// <summary>The bot: a declaration; the generator writes its dispatcher, intents and factories.</summary>
[DiscordBot]
[Handlers(typeof(PingHandlers))]
public sealed partial class PingBot;

/// <summary>Counts what each shard sees and answers <c>!ping</c> with a reply through REST.</summary>
public sealed class PingHandlers(ShardStatistics statistics, DiscordRestClient rest)
{
    [On(GatewayEvents.GuildCreate)]
    public void OnGuild(GuildCreate guild, DispatchContext context) => statistics.GuildArrived(context.ShardId);

    [On(GatewayEvents.MessageCreate)]
    public async ValueTask OnMessage(Message message, DispatchContext context)
    {
        statistics.MessageArrived(context.ShardId);
        if (message.Author.Bot || message.Content != "!ping")
            return;

        var reply = await rest.CreateMessageAsync(message.ChannelId, new CreateMessage
        {
            Content = "pong",
            MessageReference = new MessageReference { MessageId = message.Id, ChannelId = message.ChannelId },
        }, context.CancellationToken);
        statistics.Replied(reply.Id);
        Console.WriteLine($"  shard {context.ShardId}: !ping from {message.Author.Username} in channel {message.ChannelId} -> pong {reply.Id}");
    }
}

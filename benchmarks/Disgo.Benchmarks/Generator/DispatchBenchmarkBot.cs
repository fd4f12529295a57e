using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace Disgo.Benchmarks.Generator;

/// <summary>
/// The bot both dispatchers serve: four MESSAGE_CREATE handlers in three classes (instance and static; ValueTask, Task
/// and void; with and without a context), two MESSAGE_DELETE handlers and a few other events. Its generated
/// dispatcher comes from Disgo's generator in this project's own build.
/// </summary>
[DiscordBot]
[Handlers(typeof(ModerationHandlers), typeof(CommandHandlers), typeof(StatisticsHandlers))]
public sealed partial class DispatchBenchmarkBot;

/// <summary>What the handlers record, so no call can be optimized away and the benchmarks can check both dispatchers ran them.</summary>
public sealed class DispatchTally
{
    public long Calls { get; private set; }

    public long Weight { get; private set; }

    public void Add(long weight)
    {
        Calls++;
        Weight += weight;
    }
}

public sealed class ModerationHandlers(DispatchTally tally)
{
    [On(GatewayEvents.MessageCreate)]
    public ValueTask Screen(Message message, DispatchContext context)
    {
        tally.Add(message.Content.Length + context.ShardId);
        return ValueTask.CompletedTask;
    }

    [On(GatewayEvents.MessageDelete)]
    public void Forget(MessageDelete deleted) => tally.Add((long)(deleted.Id.Value & 0xFF));
}

public sealed class CommandHandlers(DispatchTally tally)
{
    [On(GatewayEvents.MessageCreate)]
    public Task Run(Message message, DispatchContext context)
    {
        tally.Add(message.Content.StartsWith('!') ? context.Sequence : 1);
        return Task.CompletedTask;
    }

    [On]
    public void Interact(Interaction interaction) => tally.Add((long)interaction.Type);
}

public static class StatisticsHandlers
{
    public static DispatchTally Tally { get; } = new();

    [On(GatewayEvents.MessageCreate)]
    public static void CountMessage(Message message) => Tally.Add(message.Author.Username.Length);

    [On(GatewayEvents.MessageCreate)]
    public static void CountMentions(Message message, DispatchContext context) => Tally.Add(message.Mentions.Count + context.ShardId);

    [On(GatewayEvents.MessageDelete)]
    public static void CountDeletion(MessageDelete deleted) => Tally.Add(1);

    [On]
    public static void Ready(Ready ready) => Tally.Add(ready.Guilds.Count);

    [On]
    public static void GuildArrived(GuildCreate guild) => Tally.Add(1);
}

using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>
/// A bot built by the real generator in this test project's own build: instance, static, async, failing and
/// shard-limited handlers, all recording into a <see cref="CallLog"/>.
/// </summary>
[DiscordBot]
[Shards(4)]
[Handlers(typeof(Chat), typeof(Faulty))]
[Handlers(typeof(Housekeeping))]
internal sealed partial class RecordingBot;

internal sealed class Chat(CallLog log)
{
    [On(GatewayEvents.MessageCreate)]
    public async ValueTask OnMessage(Message message, DispatchContext context)
    {
        await Task.Yield();
        log.Record("Chat.OnMessage", message, context);
    }

    [On]
    public void OnReady(Ready ready, DispatchContext context) => log.Record("Chat.OnReady", ready, context);

    [On]
    public Task OnInteraction(Interaction interaction, DispatchContext context)
    {
        log.Record("Chat.OnInteraction", interaction, context);
        return context.UpdatePresenceAsync(new UpdatePresence { Status = PresenceStatus.Idle });
    }
}

internal sealed class Faulty(CallLog log)
{
    [On(GatewayEvents.MessageCreate)]
    public void ThrowsAtOnce(Message message, DispatchContext context)
    {
        log.Record("Faulty.ThrowsAtOnce", message, context);
        throw new InvalidOperationException("failed at once");
    }

    [On(GatewayEvents.MessageCreate)]
    public async Task ThrowsLater(Message message, DispatchContext context)
    {
        await Task.Yield();
        log.Record("Faulty.ThrowsLater", message, context);
        throw new InvalidOperationException("failed later");
    }

    [On]
    public void CancelsWhenStopping(MessageDelete deleted, DispatchContext context)
    {
        log.Record("Faulty.CancelsWhenStopping", deleted, context);
        context.CancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>Static handlers log to <see cref="Log"/>, which the tests (one class, run one at a time) set.</summary>
internal static class Housekeeping
{
    public static CallLog Log { get; set; } = new();

    // Discord sends direct messages to shard 0 only.
    [On(GatewayEvents.MessageCreate)]
    [OnlyShards(0)]
    public static void OnMessageOnShardZero(Message message, DispatchContext context) => Log.Record("Housekeeping.OnMessageOnShardZero", message, context);

    [On]
    public static void AfterCancellation(MessageDelete deleted, DispatchContext context) => Log.Record("Housekeeping.AfterCancellation", deleted, context);

    [On]
    [OnlyShards(2, 3)]
    public static void OnTyping(TypingStart typing, DispatchContext context) => Log.Record("Housekeeping.OnTyping", typing, context);
}

using Disgo.Gateway.Dispatch;
using Disgo.Models.Gateway;

namespace Disgo;

/// <summary>
/// A bot declared with <see cref="DiscordBotAttribute"/>, as Disgo's source generator completes it: the dispatcher of
/// its handlers plus what starting it needs, reachable without reflection through <typeparamref name="TSelf"/>
/// (e.g. <c>TBot.Create(services)</c>, <c>TBot.Intents</c>).
/// </summary>
/// <remarks>One instance serves every shard: handlers of different shards run concurrently.</remarks>
public interface IDiscordBot<TSelf> : IGatewayDispatcher
    where TSelf : class, IDiscordBot<TSelf>
{
    /// <summary>The union of the intents gating every event the bot handles, privileged ones included.</summary>
    static abstract GatewayIntents RequiredIntents { get; }

    /// <summary>The intents to identify with: <see cref="IntentsAttribute"/>'s if set, otherwise <see cref="RequiredIntents"/>.</summary>
    static abstract GatewayIntents Intents { get; }

    /// <summary>The shards this process runs, from <see cref="ShardsAttribute"/>.</summary>
    static abstract ShardSet Shards { get; }

    /// <summary>Identify's <c>large_threshold</c> from <see cref="DiscordBotAttribute.LargeThreshold"/>; <see langword="null"/> for Discord's default.</summary>
    static abstract int? LargeThreshold { get; }

    /// <summary>
    /// Creates the bot, constructing its handler classes with their constructor parameters taken from
    /// <paramref name="services"/>. An <c>ILoggerFactory</c> and an <see cref="IGatewayCommandSender"/> are used when
    /// registered.
    /// </summary>
    /// <exception cref="InvalidOperationException">A constructor parameter without a default has no registered service.</exception>
    static abstract TSelf Create(IServiceProvider services);
}

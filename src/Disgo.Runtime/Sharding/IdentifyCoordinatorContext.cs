using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Sharding;

/// <summary>
/// What a shard manager knows when it makes its identify coordinator (see
/// <see cref="ShardManagerOptions.IdentifyCoordinatorFactory"/>): Discord's limits from <c>GET /gateway/bot</c> and
/// the manager's own settings.
/// </summary>
public sealed class IdentifyCoordinatorContext
{
    /// <summary>Identifies per window and number of buckets (<c>max_concurrency</c>).</summary>
    public required int MaxConcurrency { get; init; }

    /// <summary>The budget as Discord reported it; <see langword="null"/> to track none.</summary>
    public SessionStartLimit? SessionStartLimit { get; init; }

    /// <summary>One identify per bucket per window, counted from the release (Discord: 5 s).</summary>
    public TimeSpan Window { get; init; } = ShardManagerOptions.DiscordIdentifyWindow;

    /// <summary>Session starts never used: when <c>remaining</c> is down to this many, identifies wait for the reset.</summary>
    public int SessionStartReserve { get; init; } = 1;

    /// <summary>
    /// The bot's user id as its token tells it, to keep the state of different bots apart in a shared store;
    /// <see langword="null"/> when the token does not have Discord's shape.
    /// </summary>
    public ulong? BotId { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}

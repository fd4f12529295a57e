namespace Disgo.Sharding;

/// <summary>
/// Decides which shards a process runs and starts them the way Discord allows; keeps every session in its
/// <see cref="Sessions"/>; routes guilds to shards; changes the shard count without downtime.
/// </summary>
public interface IShardManager : IAsyncDisposable
{
    /// <summary>Every session of the process by ID, with commands by session, shard and guild.</summary>
    SessionManager Sessions { get; }

    /// <summary>The <c>num_shards</c> in charge now.</summary>
    /// <exception cref="InvalidOperationException">Not started yet: the count may come from Discord.</exception>
    int TotalShards { get; }

    /// <summary>The shards this process runs in the set in charge, in id order.</summary>
    IReadOnlyList<Models.Gateway.ShardInfo> Shards { get; }

    /// <summary>The progress of the start (or reshard) under way, or of the last one.</summary>
    ShardStartProgress Progress { get; }

    /// <summary>Raised each time a shard of a starting set becomes ready, and once when the start begins.</summary>
    event EventHandler<ShardStartProgress>? ProgressChanged;

    /// <summary>The shard that receives events of <paramref name="guildId"/>: <c>(guild_id &gt;&gt; 22) % num_shards</c>. DMs are shard 0's.</summary>
    int ShardFor(Snowflake guildId);

    /// <summary>Asks Discord for the limits once, checks the configuration, starts every shard and returns when all are ready.</summary>
    /// <exception cref="ShardConfigurationException">The shard set cannot run; the message says what to change.</exception>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a set of <paramref name="totalShards"/> next to the running one, switches over once it is ready and its
    /// guilds have arrived, then stops the old set: every event is delivered once throughout.
    /// </summary>
    /// <exception cref="ShardConfigurationException">The new count cannot run; the message says what to change.</exception>
    Task ReshardAsync(int totalShards, CancellationToken cancellationToken = default);

    /// <summary>Stops every session (close 1000), letting handlers finish the events already received.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);
}

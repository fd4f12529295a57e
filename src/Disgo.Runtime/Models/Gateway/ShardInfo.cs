using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>
/// The <c>[shard_id, num_shards]</c> pair of Identify and READY: this session receives the events of every guild
/// whose <c>(guild_id &gt;&gt; 22) % num_shards == shard_id</c>. Written as a two-element JSON array.
/// </summary>
[JsonConverter(typeof(ShardInfoJsonConverter))]
public readonly record struct ShardInfo
{
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="shardCount"/> is not positive, or <paramref name="shardId"/> is not in [0, shardCount).
    /// </exception>
    public ShardInfo(int shardId, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shardCount);
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardId, shardCount);
        ShardId = shardId;
        ShardCount = shardCount;
    }

    /// <summary>Zero-based, below <see cref="ShardCount"/>.</summary>
    public int ShardId { get; }

    /// <summary>The <c>num_shards</c> this session routes by.</summary>
    public int ShardCount { get; }

    /// <summary>Whether events of the guild <paramref name="guildId"/> are routed to this shard.</summary>
    public bool Receives(Snowflake guildId) => guildId.ShardId(ShardCount) == ShardId;

    public override string ToString() => $"[{ShardId}, {ShardCount}]";
}

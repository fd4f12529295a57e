using System.Collections.Concurrent;
using Disgo;

namespace ShardedBot;

/// <summary>Per-shard counters, written by handlers on every shard's dispatch queue at once.</summary>
public sealed class ShardStatistics
{
    private readonly ConcurrentDictionary<int, Counters> _shards = new();
    private readonly ConcurrentQueue<Snowflake> _replies = new();

    /// <summary>The replies the bot posted, in the order REST confirmed them.</summary>
    public IReadOnlyCollection<Snowflake> Replies => _replies;

    public void Replied(Snowflake messageId) => _replies.Enqueue(messageId);

    public void GuildArrived(int shardId) => Interlocked.Increment(ref For(shardId).Guilds);

    public void MessageArrived(int shardId) => Interlocked.Increment(ref For(shardId).Messages);

    public long Guilds(int shardId) => Interlocked.Read(ref For(shardId).Guilds);

    public long Messages(int shardId) => Interlocked.Read(ref For(shardId).Messages);

    private Counters For(int shardId) => _shards.GetOrAdd(shardId, static _ => new Counters());

    private sealed class Counters
    {
        public long Guilds;
        public long Messages;
    }
}

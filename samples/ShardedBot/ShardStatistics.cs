namespace ShardedBot;

/// <summary>Per-shard counters, written by handlers on every shard's dispatch queue at once.</summary>
public sealed class ShardStatistics(int shardCount)
{
    private readonly long[] _guilds = new long[shardCount];
    private readonly long[] _messages = new long[shardCount];

    public void GuildArrived(int shardId) => Interlocked.Increment(ref _guilds[shardId]);

    public void MessageArrived(int shardId) => Interlocked.Increment(ref _messages[shardId]);

    public long Guilds(int shardId) => Interlocked.Read(ref _guilds[shardId]);

    public long Messages(int shardId) => Interlocked.Read(ref _messages[shardId]);
}

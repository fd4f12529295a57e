namespace Disgo.Shared;

/// <summary>The shards a bot runs, as declared with <c>[Shards]</c>: all of a fixed total, a range of one, or (no total) Discord's recommendation.</summary>
internal sealed class ShardSetDeclaration
{
    public ShardSetDeclaration(int? totalShards, int firstShard, int? shardCount)
    {
        TotalShards = totalShards;
        FirstShard = firstShard;
        ShardCount = shardCount;
    }

    public static ShardSetDeclaration Recommended { get; } = new(null, 0, null);

    /// <summary><c>num_shards</c>; null for Discord's recommendation.</summary>
    public int? TotalShards { get; }

    public int FirstShard { get; }

    /// <summary>Shards run from <see cref="FirstShard"/>; null for all of them.</summary>
    public int? ShardCount { get; }

    /// <summary>Whether this process may run <paramref name="shardId"/> (always, while the total is unknown).</summary>
    public bool MayRun(int shardId)
    {
        if (TotalShards is not { } total)
        {
            return true;
        }

        var count = ShardCount ?? total - FirstShard;
        return shardId >= FirstShard && shardId < FirstShard + count;
    }

    public override string ToString() => TotalShards switch
    {
        null => "Discord's recommended count",
        { } total when ShardCount is { } count => $"shards {FirstShard}-{FirstShard + count - 1} of {total}",
        { } total => $"{total} shards",
    };
}

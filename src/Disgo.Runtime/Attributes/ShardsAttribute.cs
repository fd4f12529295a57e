namespace Disgo;

/// <summary>
/// A bot's shard set: a fixed total, optionally with only a range of it run by this process. Without this attribute
/// a bot runs the shard count Discord recommends (<see cref="ShardSet.Recommended"/>).
/// </summary>
/// <example>
/// <code>
/// [Shards(16)]                                   // shards 0-15, all in this process
/// [Shards(16, FirstShard = 8, ShardCount = 8)]   // shards 8-15 of 16; another process runs 0-7
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ShardsAttribute : Attribute
{
    /// <param name="totalShards">Identify's <c>num_shards</c>: how many shards the bot's guilds are spread over.</param>
    public ShardsAttribute(int totalShards)
    {
        TotalShards = totalShards;
    }

    public int TotalShards { get; }

    /// <summary>The first shard this process runs (0 by default).</summary>
    public int FirstShard { get; set; }

    /// <summary>How many consecutive shards this process runs from <see cref="FirstShard"/>; 0 (the default) runs the rest of them.</summary>
    public int ShardCount { get; set; }
}

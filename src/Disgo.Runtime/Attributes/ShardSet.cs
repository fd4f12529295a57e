using System.Globalization;

namespace Disgo;

/// <summary>
/// Which shards a process runs: Discord's recommended count, a fixed total, or a range of a fixed total (for a bot
/// spread over several processes). <see langword="default"/> is <see cref="Recommended"/>.
/// </summary>
public readonly record struct ShardSet
{
    private ShardSet(int? totalShards, int firstShard, int? shardCount)
    {
        TotalShards = totalShards;
        FirstShard = firstShard;
        ShardCount = shardCount;
    }

    /// <summary>Every shard of the count Discord recommends in <c>GET /gateway/bot</c>.</summary>
    public static ShardSet Recommended => default;

    /// <summary><c>num_shards</c>, or <see langword="null"/> for Discord's recommendation.</summary>
    public int? TotalShards { get; }

    /// <summary>The first shard this process runs.</summary>
    public int FirstShard { get; }

    /// <summary>How many consecutive shards this process runs from <see cref="FirstShard"/>; <see langword="null"/> for all of them.</summary>
    public int? ShardCount { get; }

    public bool IsRecommended => TotalShards is null;

    /// <summary>Shards 0 to <paramref name="totalShards"/> - 1, all in this process.</summary>
    public static ShardSet Fixed(int totalShards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalShards);
        return new ShardSet(totalShards, 0, null);
    }

    /// <summary>Shards <paramref name="firstShard"/> to <paramref name="firstShard"/> + <paramref name="shardCount"/> - 1 of <paramref name="totalShards"/>.</summary>
    public static ShardSet Range(int totalShards, int firstShard, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalShards);
        if (shardCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, "The range is empty: run at least 1 shard (shardCount), or leave this process out.");
        }

        if (firstShard < 0 || firstShard >= totalShards)
        {
            throw new ArgumentOutOfRangeException(nameof(firstShard), firstShard, string.Create(CultureInfo.InvariantCulture,
                $"Shard ids run from 0 to {totalShards - 1} with {totalShards} shards in all; start the range there, or raise the total."));
        }

        if (firstShard > totalShards - shardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, string.Create(CultureInfo.InvariantCulture,
                $"Shards {firstShard} to {firstShard + shardCount - 1} go past the last shard id, {totalShards - 1}; run at most {totalShards - firstShard} shard(s) from {firstShard}, or raise the total."));
        }

        return new ShardSet(totalShards, firstShard, shardCount);
    }

    public override string ToString() => TotalShards switch
    {
        null => "recommended",
        { } total when ShardCount is { } count => string.Create(CultureInfo.InvariantCulture, $"{FirstShard}-{FirstShard + count - 1} of {total}"),
        { } total => string.Create(CultureInfo.InvariantCulture, $"all {total}"),
    };
}

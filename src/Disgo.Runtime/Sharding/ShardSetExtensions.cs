using System.Globalization;
using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>Turns a <see cref="ShardSet"/> into the shards a process starts, checking it against Discord's limits first.</summary>
public static class ShardSetExtensions
{
    /// <summary>
    /// The shards of <paramref name="set"/> in start order (bucket order: shard ids ascending), with
    /// <see cref="ShardSet.Recommended"/> taking its total from <paramref name="info"/>.
    /// </summary>
    /// <param name="set">The configured shard set.</param>
    /// <param name="info">The answer of <c>GET /gateway/bot</c>, for the recommended count.</param>
    /// <param name="requiredMultiple">
    /// For large bots: the number Discord told the owner <c>num_shards</c> must be a multiple of (else close 4010).
    /// Discord does not publish it over the API; pass <c>max_concurrency</c> if that is what you were told.
    /// </param>
    /// <exception cref="ShardConfigurationException">The set cannot be run; the message says what to change.</exception>
    public static IReadOnlyList<ShardInfo> Resolve(this ShardSet set, GatewayBotInfo info, int? requiredMultiple = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        set.Validate(info.RecommendedShards, requiredMultiple);
        var total = set.TotalShards ?? info.RecommendedShards;
        var first = set.FirstShard;
        var count = set.ShardCount ?? (total - first);
        var shards = new ShardInfo[count];
        for (var i = 0; i < count; i++)
        {
            shards[i] = new ShardInfo(first + i, total);
        }

        return shards;
    }

    /// <summary>Checks <paramref name="set"/> against the multiple Discord requires of large bots.</summary>
    /// <param name="set">The configured shard set.</param>
    /// <param name="recommendedShards">The total <see cref="ShardSet.Recommended"/> stands for.</param>
    /// <param name="requiredMultiple">The multiple <c>num_shards</c> must be, if Discord requires one for this bot.</param>
    /// <exception cref="ShardConfigurationException">The set cannot be run; the message says what to change.</exception>
    public static void Validate(this ShardSet set, int recommendedShards, int? requiredMultiple = null)
    {
        var total = set.TotalShards ?? recommendedShards;
        if (total < 1)
        {
            throw new ShardConfigurationException(Invariant($"The shard set '{set}' has {total} shards in all; use at least 1."));
        }

        if (requiredMultiple is not { } multiple)
        {
            return;
        }

        if (multiple < 1)
        {
            throw new ShardConfigurationException(Invariant($"The required shard multiple is {multiple}; use at least 1, or none."));
        }

        if (total % multiple != 0)
        {
            var lower = total / multiple * multiple;
            var higher = lower + multiple;
            throw new ShardConfigurationException(Invariant(
                $"The shard set '{set}' has {total} shards in all, which is not a multiple of {multiple} as Discord requires for this bot (the gateway would close with 4010). Use {higher}{(lower > 0 ? $" or {lower}" : "")} shards in all."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Disgo.Shared;

/// <summary>
/// Discord's rules for shard numbers (ids 0 to total - 1; Identify's <c>[shard_id, num_shards]</c>), as checks that
/// say what is wrong or return null. The bot declaration's <c>[Shards]</c> and shard values anywhere in user code are
/// checked with these, so the generator and the analyzers cannot disagree about a shard.
/// </summary>
internal static class ShardNumbers
{
    /// <summary>What is wrong with a total of <paramref name="total"/> shards, or null.</summary>
    public static string? CheckTotal(int total) =>
        total < 1 ? $"the total is {Format(total)}; a bot has at least 1 shard" : null;

    /// <summary>What is wrong with the shard <c>[<paramref name="shardId"/>, <paramref name="total"/>]</c>, or null.</summary>
    public static string? CheckShard(int shardId, int total) =>
        CheckTotal(total)
        ?? (shardId < 0 ? $"shard ids start at 0, not {Format(shardId)}"
            : shardId >= total ? $"shard ids of {Format(total)} shards end at {Format(total - 1)}, so there is no shard {Format(shardId)}"
            : null);

    /// <summary>
    /// What is wrong with running <paramref name="count"/> shards from <paramref name="first"/> of <paramref name="total"/>,
    /// or null. <paramref name="firstName"/> and <paramref name="countName"/> name the values as the user wrote them;
    /// <paramref name="zeroCountRunsRest"/> says whether a count of 0 stands for every shard from the first on.
    /// </summary>
    public static string? CheckRange(int total, int first, int count, string firstName, string countName, bool zeroCountRunsRest) =>
        CheckTotal(total)
        ?? (first < 0 ? $"{firstName} is {Format(first)}; shard ids start at 0"
            : first >= total ? $"{firstName} is {Format(first)}, but shard ids of {Format(total)} shards end at {Format(total - 1)}"
            : count < 0 || (count == 0 && !zeroCountRunsRest)
                ? $"{countName} is {Format(count)}; it must be positive{(zeroCountRunsRest ? $" (or 0 for every shard from {firstName} on)" : "")}"
            : first + count > total ? $"{firstName} {Format(first)} + {countName} {Format(count)} goes past the {Format(total)} shards"
            : null);

    /// <summary>
    /// Whether <c>(<paramref name="shardId"/>, <paramref name="total"/>)</c> is plainly a <c>[num_shards, shard_id]</c>
    /// pair written the wrong way round: invalid as written, valid when swapped.
    /// </summary>
    public static bool IsReversed(int shardId, int total) =>
        CheckShard(shardId, total) is not null && CheckShard(total, shardId) is null;

    /// <summary>
    /// What is wrong with <paramref name="total"/> shards where Discord requires a multiple of <paramref name="multiple"/>
    /// (large bots: else close 4010), or null.
    /// </summary>
    public static string? CheckMultiple(int total, int multiple)
    {
        if (multiple < 1 || total < 1 || total % multiple == 0)
        {
            return null;
        }

        var lower = total / multiple * multiple;
        var higher = lower + multiple;
        var instead = lower > 0 ? $"{Format(higher)} or {Format(lower)}" : Format(higher);
        return $"{Format(total)} shards is not a multiple of {Format(multiple)}, so the gateway closes with 4010; use {instead}";
    }

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}

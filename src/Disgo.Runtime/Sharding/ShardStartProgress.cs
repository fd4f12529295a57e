namespace Disgo.Sharding;

/// <summary>How far a shard set has come in starting: enough for a progress bar and an estimate.</summary>
/// <param name="Ready">Shards of this process that have reached READY at least once.</param>
/// <param name="Total">Shards this process starts.</param>
/// <param name="TotalShards">The set's <c>num_shards</c> (more than <paramref name="Total"/> when other processes run a range too).</param>
/// <param name="Windows">
/// Identify windows the ideal schedule needs: the most shards any bucket (<c>shard_id % max_concurrency</c>) has,
/// which is <c>ceil(shards / max_concurrency)</c> for a contiguous set.
/// </param>
/// <param name="ExpectedDuration">The ideal schedule: the first window opens at once, so <c>(Windows - 1) * 5 s</c>, plus Discord's answers.</param>
/// <param name="Elapsed">Time since the start began; frozen when the last shard became ready.</param>
public readonly record struct ShardStartProgress(int Ready, int Total, int TotalShards, int Windows, TimeSpan ExpectedDuration, TimeSpan Elapsed)
{
    /// <summary>Whether every shard of this process has been ready.</summary>
    public bool IsComplete => Total > 0 && Ready == Total;

    /// <summary><see cref="Ready"/> / <see cref="Total"/>, from 0 to 1.</summary>
    public double Fraction => Total == 0 ? 0 : (double)Ready / Total;

    /// <summary>The estimated time left by the schedule; zero once complete or overdue.</summary>
    public TimeSpan Remaining => IsComplete || Elapsed >= ExpectedDuration ? TimeSpan.Zero : ExpectedDuration - Elapsed;
}

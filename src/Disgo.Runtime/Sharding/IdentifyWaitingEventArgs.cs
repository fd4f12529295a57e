using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>An Identify has to wait, and why: for a progress display or a log line.</summary>
/// <param name="shard">The shard waiting; <see langword="null"/> for a bot without sharding.</param>
/// <param name="bucket">Its bucket, <c>shard_id % max_concurrency</c>.</param>
/// <param name="reason">What it waits for.</param>
/// <param name="delay">How long at most, when known (a window or the budget reset); <see langword="null"/> while a bucket is held.</param>
public sealed class IdentifyWaitingEventArgs(ShardInfo? shard, int bucket, IdentifyWaitReason reason, TimeSpan? delay) : EventArgs
{
    public ShardInfo? Shard { get; } = shard;

    public int Bucket { get; } = bucket;

    public IdentifyWaitReason Reason { get; } = reason;

    public TimeSpan? Delay { get; } = delay;
}

using Disgo.Models.Gateway;

namespace Disgo.Gateway.Coordination;

/// <summary>
/// The gate every Identify passes through. Discord allows <c>max_concurrency</c> identifies per 5 s (one per bucket
/// <c>shard_id % max_concurrency</c>) and answers any more with op 9, so sessions ask here first and hold the slot until
/// Discord has answered: READY, Invalid Session, or the connection ending. Resumes do not pass through here.
/// </summary>
/// <remarks>
/// Disgo ships <see cref="InProcessIdentifyCoordinator"/> for one process; coordinators that share the gate between
/// processes implement the same contract.
/// </remarks>
public interface IIdentifyCoordinator
{
    /// <summary>
    /// Waits until the session of <paramref name="shard"/> may send Identify and reserves that right. The caller sends
    /// Identify only after this completes and releases the lease exactly once, when the answer came or the connection ended.
    /// </summary>
    /// <param name="shard">The shard about to identify; <see langword="null"/> for a bot without sharding (shard 0).</param>
    /// <param name="cancellationToken">Gives up waiting; no lease is held afterwards.</param>
    ValueTask<IIdentifyLease> AcquireAsync(ShardInfo? shard, CancellationToken cancellationToken);
}

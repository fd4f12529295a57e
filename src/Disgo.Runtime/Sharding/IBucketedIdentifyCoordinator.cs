using Disgo.Gateway.Coordination;

namespace Disgo.Sharding;

/// <summary>
/// An identify gate that keeps Discord's sharding rules: <c>max_concurrency</c> buckets (<c>shard_id %
/// max_concurrency</c>), one identify per bucket per window counted from the release, and the daily session start
/// budget with a reserve. The shard manager talks to its coordinator through this, so progress, the budget and the
/// reasons for waiting are reported the same whether the gate is in the process (<see cref="BucketedIdentifyCoordinator"/>)
/// or shared between processes.
/// </summary>
public interface IBucketedIdentifyCoordinator : IIdentifyCoordinator
{
    /// <summary>Identifies per window and number of buckets (<c>max_concurrency</c>).</summary>
    int MaxConcurrency { get; }

    /// <summary>Session starts left as this coordinator last saw them; <see langword="null"/> when no budget is tracked.</summary>
    int? RemainingSessionStarts { get; }

    /// <summary>Raised (on the waiting caller's thread) each time an identify has to wait, with the reason.</summary>
    event EventHandler<IdentifyWaitingEventArgs>? Waiting;

    /// <summary>Takes a fresher budget (e.g. from a new <c>GET /gateway/bot</c>) in place of the tracked one.</summary>
    ValueTask UpdateSessionStartLimitAsync(SessionStartLimit limit, CancellationToken cancellationToken);
}

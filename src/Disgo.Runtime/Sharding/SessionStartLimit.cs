namespace Disgo.Sharding;

/// <summary>
/// <c>session_start_limit</c> of <c>GET /gateway/bot</c>: the daily identify budget shared by every shard, and how
/// many identifies may run at once.
/// </summary>
/// <param name="Total">Session starts allowed per period (normally 1000 per 24 h).</param>
/// <param name="Remaining">Session starts left in the current period.</param>
/// <param name="ResetAfter">Time until the period ends and <see cref="Remaining"/> is back at <see cref="Total"/>.</param>
/// <param name="MaxConcurrency">Identifies allowed per 5 s, one per bucket <c>shard_id % max_concurrency</c>.</param>
public readonly record struct SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);

using Disgo.Gateway.Session;
using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>A running session as the <see cref="SessionManager"/> saw it at one moment: a value, safe to keep.</summary>
/// <param name="SessionId">The Discord session; <see cref="Disgo.SessionId.None"/> while the shard is between sessions.</param>
/// <param name="Shard">Its shard; <see langword="null"/> for a session without sharding.</param>
/// <param name="Status">Where the session is in its life.</param>
/// <param name="Sequence">The last sequence number received, if any.</param>
/// <param name="Latency">The last heartbeat round trip, if any.</param>
public readonly record struct SessionInfo(SessionId SessionId, ShardInfo? Shard, GatewaySessionStatus Status, long? Sequence, TimeSpan? Latency);

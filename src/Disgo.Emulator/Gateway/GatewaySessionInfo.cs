using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Gateway;

/// <summary>A snapshot of one gateway session.</summary>
/// <param name="SessionId">The <c>session_id</c> READY handed out.</param>
/// <param name="Shard">The shard tuple from Identify, or null if none was sent (the session then gets every event).</param>
/// <param name="Sequence">The last sequence number the session assigned (READY is 1).</param>
/// <param name="IsConnected">Whether a connection carries the session now; false while it waits to be resumed.</param>
/// <param name="ConnectionId">The connection carrying it, if any.</param>
/// <param name="Intents">The intents from Identify.</param>
public sealed record GatewaySessionInfo(string SessionId, ShardTuple? Shard, long Sequence, bool IsConnected, long? ConnectionId, long Intents);

using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Which live connections a fault hits: every criterion that is set must match; all null (<c>default</c>) means every connection.
/// </summary>
/// <param name="ConnectionId">The connection with this id (<see cref="ConnectionRecord.Id"/>).</param>
/// <param name="SessionId">The connection currently carrying this session.</param>
/// <param name="Shard">Connections whose session identified with exactly this shard tuple.</param>
public readonly record struct FaultTarget(long? ConnectionId = null, string? SessionId = null, ShardTuple? Shard = null)
{
    /// <summary>Every live connection.</summary>
    public static FaultTarget All => default;
}

using System.Text.Json.Serialization.Metadata;
using Disgo.Models.Gateway;

namespace Disgo;

/// <summary>
/// Sends gateway commands by ID, to whichever connection carries the session or shard at that moment. The session
/// manager implements it; handlers reach it through <see cref="DispatchContext"/>.
/// </summary>
public interface IGatewayCommandSender
{
    /// <summary>Sends <c>{"op": opcode, "d": data}</c> on the session <paramref name="sessionId"/>, within its send limits.</summary>
    /// <exception cref="InvalidOperationException">No running session has that ID (it was replaced or stopped).</exception>
    Task SendAsync<T>(SessionId sessionId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken);

    /// <summary>Sends <c>{"op": opcode, "d": data}</c> on the current session of shard <paramref name="shardId"/>, within its send limits.</summary>
    /// <exception cref="InvalidOperationException">This process runs no such shard.</exception>
    Task SendToShardAsync<T>(int shardId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken);
}

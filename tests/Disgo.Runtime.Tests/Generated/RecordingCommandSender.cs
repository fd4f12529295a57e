using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>Keeps every command handlers send, serialized as they would go out.</summary>
internal sealed class RecordingCommandSender : IGatewayCommandSender
{
    public ConcurrentQueue<(string Target, GatewayOpcode Opcode, string Data)> Sent { get; } = new();

    public Task SendAsync<T>(SessionId sessionId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken)
    {
        Sent.Enqueue(("session " + sessionId, opcode, JsonSerializer.Serialize(data, dataTypeInfo)));
        return Task.CompletedTask;
    }

    public Task SendToShardAsync<T>(int shardId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken)
    {
        Sent.Enqueue(("shard " + shardId, opcode, JsonSerializer.Serialize(data, dataTypeInfo)));
        return Task.CompletedTask;
    }
}

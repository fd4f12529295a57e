using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo;
using Disgo.Models.Gateway;

namespace AotBot;

/// <summary>Writes the commands handlers send, serialized as they would go on the wire, instead of sending them.</summary>
internal sealed class PrintingCommandSender(TextWriter output) : IGatewayCommandSender
{
    public Task SendAsync<T>(SessionId sessionId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken)
    {
        output.WriteLine($"send op {(int)opcode} ({opcode}) on session {sessionId}: {JsonSerializer.Serialize(data, dataTypeInfo)}");
        return Task.CompletedTask;
    }

    public Task SendToShardAsync<T>(int shardId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken)
    {
        output.WriteLine($"send op {(int)opcode} ({opcode}) on shard {shardId}: {JsonSerializer.Serialize(data, dataTypeInfo)}");
        return Task.CompletedTask;
    }
}

using Disgo.Gateway.Transport;

namespace Disgo.Gateway.Dispatch;

/// <summary>A dispatch waiting in the queue: its payload buffer (owned by the queue from now on) and where its fields are.</summary>
internal readonly struct QueuedDispatch(PooledPayload payload, GatewayEnvelope envelope, string? sessionId)
{
    public PooledPayload Payload { get; } = payload;

    public long Sequence => envelope.Sequence ?? 0;

    public ReadOnlyMemory<byte> EventName => Payload.Memory[envelope.EventName];

    public GatewayDispatch ToDispatch(int shardId) => envelope.ToDispatch(Payload.Memory, shardId, sessionId);
}

using Disgo.Gateway.Dispatch;

namespace Disgo.Sharding;

/// <summary>
/// An event the new shard set received before switch-over and before the old set did: copied, because the session's
/// buffer is reused once its dispatch returns, and held until the old set delivers it (claiming it) or the switch.
/// </summary>
internal sealed class PendingDispatch
{
    private readonly byte[] _eventName;
    private readonly byte[] _data;
    private readonly long _sequence;
    private readonly int _shardId;
    private readonly string? _sessionId;

    public PendingDispatch(GatewayDispatch dispatch, UInt128 key)
    {
        _eventName = dispatch.EventName.ToArray();
        _data = dispatch.Data.ToArray();
        _sequence = dispatch.Sequence;
        _shardId = dispatch.ShardId;
        _sessionId = dispatch.SessionId;
        Key = key;
    }

    public UInt128 Key { get; }

    /// <summary>The old set delivered it; the new set must not. Guarded by the deduplicator's lock.</summary>
    public bool Claimed { get; set; }

    public GatewayDispatch ToDispatch() => new(_eventName, _data, _sequence, _shardId, _sessionId);
}

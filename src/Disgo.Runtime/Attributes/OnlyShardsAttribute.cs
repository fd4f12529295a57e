namespace Disgo;

/// <summary>
/// Limits handlers to the listed shards: on every other shard they are not called, and an event whose handlers are
/// all limited is not even deserialized there. On a class it applies to every handler method of the class that has
/// no <see cref="OnlyShardsAttribute"/> of its own.
/// </summary>
/// <remarks>
/// Discord sends events without a guild (direct messages, entitlements, subscriptions) to shard 0 only, so DM work
/// is typically <c>[OnlyShards(0)]</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OnlyShardsAttribute : Attribute
{
    public OnlyShardsAttribute(params int[] shardIds)
    {
        ShardIds = shardIds;
    }

    public IReadOnlyList<int> ShardIds { get; }
}

namespace Disgo.Sharding;

/// <summary>A shard configuration Discord would refuse; the message says what to change.</summary>
public sealed class ShardConfigurationException(string message) : Exception(message);

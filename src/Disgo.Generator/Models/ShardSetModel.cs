namespace Disgo.Generator.Models;

/// <summary>The declared shard set: no total for Discord's recommendation, a total, or a range of one.</summary>
internal sealed record ShardSetModel(int? TotalShards, int FirstShard, int? ShardCount);

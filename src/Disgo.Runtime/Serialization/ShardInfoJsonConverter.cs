using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models.Gateway;

namespace Disgo.Serialization;

/// <summary>Reads and writes <see cref="ShardInfo"/> as Discord's two-element array <c>[shard_id, num_shards]</c>.</summary>
public sealed class ShardInfoJsonConverter : JsonConverter<ShardInfo>
{
    public override ShardInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("Expected shard as a two-element array [shard_id, num_shards].");

        var shardId = ReadElement(ref reader);
        var shardCount = ReadElement(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("Expected shard as a two-element array [shard_id, num_shards], got more elements.");

        if (shardCount <= 0 || shardId < 0 || shardId >= shardCount)
            throw new JsonException($"Invalid shard [{shardId}, {shardCount}]: num_shards must be positive and 0 <= shard_id < num_shards.");
        return new ShardInfo(shardId, shardCount);
    }

    public override void Write(Utf8JsonWriter writer, ShardInfo value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.ShardId);
        writer.WriteNumberValue(value.ShardCount);
        writer.WriteEndArray();
    }

    private static int ReadElement(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
            throw new JsonException("Expected shard as a two-element array of integers [shard_id, num_shards].");
        return value;
    }
}

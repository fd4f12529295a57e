using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Disgo.Runtime.Tests.Models;

/// <summary>Serialization helpers for assertions on what Disgo writes.</summary>
internal static class WireJson
{
    private static readonly HashSet<string> SnowflakeArrays = ["roles", "mention_roles", "not_found", "user_ids"];

    public static JsonNode Write<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonNode.Parse(JsonSerializer.Serialize(value, typeInfo)) ?? throw new InvalidOperationException("Wrote null.");

    /// <summary>Reads <paramref name="json"/>, writes it back, reads and writes again: the two writes must match.</summary>
    public static JsonNode RoundTrip<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
    {
        var first = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);
        var second = JsonSerializer.Serialize(JsonSerializer.Deserialize(first, typeInfo)!, typeInfo);
        Assert.Equal(first, second);
        return JsonNode.Parse(first)!;
    }

    /// <summary>
    /// Fails if any ID was written as a number: a property named <c>id</c> or <c>*_id</c>, or an element of a list of IDs
    /// (<c>roles</c> holds IDs in a member and role objects in a guild; objects are checked as they are walked).
    /// </summary>
    public static void AssertSnowflakesAreStrings(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = $"{path}.{name}";
                    if (name == "id" || name.EndsWith("_id", StringComparison.Ordinal))
                        Assert.True(child is null || child.GetValueKind() == JsonValueKind.String, $"{childPath} must be a string, was {child?.ToJsonString()}");
                    else if (SnowflakeArrays.Contains(name) && child is JsonArray ids)
                        Assert.All(ids, id => Assert.NotEqual(JsonValueKind.Number, id!.GetValueKind()));
                    AssertSnowflakesAreStrings(child, childPath);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    AssertSnowflakesAreStrings(array[i], $"{path}[{i}]");
                break;
        }
    }

    /// <summary>Every property name anywhere in <paramref name="node"/>.</summary>
    public static HashSet<string> PropertyNames(JsonNode? node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, names);
        return names;

        static void Collect(JsonNode? node, HashSet<string> names)
        {
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    names.Add(name);
                    Collect(child, names);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                    Collect(child, names);
            }
        }
    }
}

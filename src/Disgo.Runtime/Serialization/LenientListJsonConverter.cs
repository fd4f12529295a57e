using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Disgo.Serialization;

/// <summary>
/// Reads a list of objects where Discord does not validate types: a value that is not an array reads as null, and
/// elements that are not objects are dropped.
/// </summary>
public sealed class LenientListJsonConverter<T> : JsonConverter<IReadOnlyList<T>>
    where T : class
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var typeInfo = GetTypeInfo(options);
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize(ref reader, typeInfo) is { } item)
                items.Add(item);
            else
                reader.Skip();
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var typeInfo = GetTypeInfo(options);
        writer.WriteStartArray();
        foreach (var item in value)
            JsonSerializer.Serialize(writer, item, typeInfo);
        writer.WriteEndArray();
    }

    private static JsonTypeInfo<T> GetTypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disgo.Serialization;

/// <summary>Reads and writes a <see cref="DateTimeOffset"/> as whole Unix seconds (TYPING_START's <c>timestamp</c>).</summary>
public sealed class UnixSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var seconds))
            throw new JsonException("Expected a timestamp in whole Unix seconds.");
        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new JsonException($"The Unix timestamp {seconds} is out of range.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}

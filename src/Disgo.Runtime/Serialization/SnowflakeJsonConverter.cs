using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disgo.Serialization;

/// <summary>
/// Writes a <see cref="Snowflake"/> as a JSON string and reads it from a string or, as Discord may echo back IDs a
/// client sent, from a JSON number. Also used for snowflake-keyed objects (e.g. <c>resolved</c> maps).
/// </summary>
public sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>Reads a snowflake from the current string or number token.</summary>
    internal static Snowflake ReadValue(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => ReadFromString(ref reader),
            JsonTokenType.Number when reader.TryGetUInt64(out var value) => new Snowflake(value),
            _ => throw new JsonException($"Expected a snowflake (a string of decimal digits or an unsigned integer), got {DescribeToken(reader.TokenType)}."),
        };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        Span<byte> digits = stackalloc byte[Snowflake.MaxLength];
        value.Value.TryFormat(digits, out var written);
        writer.WriteStringValue(digits[..written]);
    }

    public override Snowflake ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadFromString(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        Span<byte> digits = stackalloc byte[Snowflake.MaxLength];
        value.Value.TryFormat(digits, out var written);
        writer.WritePropertyName(digits[..written]);
    }

    private static Snowflake ReadFromString(ref Utf8JsonReader reader)
    {
        // Digits never need escaping, so the common case parses the raw bytes without copying them.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && Snowflake.TryParse(reader.ValueSpan, out var fast))
            return fast;

        Span<byte> buffer = stackalloc byte[64];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length <= buffer.Length && Snowflake.TryParse(buffer[..reader.CopyString(buffer)], out var copied))
            return copied;

        var text = reader.GetString() ?? "";
        if (text.Length > 32)
            text = string.Concat(text.AsSpan(0, 32), "…");
        throw new JsonException($"Expected a snowflake (1 to {Snowflake.MaxLength} decimal digits), got the string \"{text}\".");
    }

    private static string DescribeToken(JsonTokenType token) =>
        token == JsonTokenType.Number ? "a number that is not an unsigned 64-bit integer" : Reading.JsonModelReader.Describe(token);
}

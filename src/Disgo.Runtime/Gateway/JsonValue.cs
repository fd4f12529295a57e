using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Disgo.Gateway;

/// <summary>
/// Reads the JSON value at the start of a span, ignoring whatever follows it. This lets <c>d</c> be deserialized
/// without first finding where it ends, so its bytes are tokenized once.
/// </summary>
internal static class JsonValue
{
    /// <summary>Deserializes the value <paramref name="utf8"/> starts with.</summary>
    /// <exception cref="JsonException">The value is malformed, truncated, null, or does not fit <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException($"Expected {typeof(T).Name}, found {(reader.TokenType == JsonTokenType.Null ? "null" : "no value")}.");
        }

        try
        {
            // The converter reads exactly one value from here. JsonSerializer.Deserialize(ref reader, ...) would first
            // skip the whole value to measure it, and the span overload needs the value's end to be known already.
            return ((JsonConverter<T>)typeInfo.Converter).Read(ref reader, typeof(T), typeInfo.Options)
                ?? throw new JsonException($"Expected {typeof(T).Name}, found null.");
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            // A converter asked the reader for the wrong token type (a string where a number belongs, ...).
            throw new JsonException(exception.Message, exception);
        }
    }

    /// <summary>The length of the value <paramref name="utf8"/> starts with, which is checked to be well-formed.</summary>
    /// <exception cref="JsonException">The value is malformed or truncated.</exception>
    public static int MeasureLength(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read())
        {
            throw new JsonException("Expected a JSON value, found the end of the data.");
        }

        reader.Skip();
        return (int)reader.BytesConsumed;
    }
}

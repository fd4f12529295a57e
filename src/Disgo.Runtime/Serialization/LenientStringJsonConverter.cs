using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disgo.Serialization;

/// <summary>
/// Reads a string where Discord may send another type: a number or boolean reads as its JSON text (so a nonce sent
/// as <c>123</c> reads as <c>"123"</c>), an object or array reads as null. Writes a string.
/// </summary>
public sealed class LenientStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

    /// <summary>Reads the current token as text: a string as itself, a number or boolean as its JSON, anything else as null.</summary>
    internal static string? ReadText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

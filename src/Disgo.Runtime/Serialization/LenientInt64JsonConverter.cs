using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disgo.Serialization;

/// <summary>Reads an integer where Discord does not validate types: a number or numeric string, anything else reads as null.</summary>
public sealed class LenientInt64JsonConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientNumber.TryReadInt64(ref reader, out var value) ? value : null;

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
            writer.WriteNumberValue(number);
        else
            writer.WriteNullValue();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models;

namespace Disgo.Serialization;

/// <summary>Reads a presence status where Discord does not validate types: anything but a known name reads as null.</summary>
public sealed class LenientPresenceStatusJsonConverter : JsonConverter<PresenceStatus?>
{
    public override bool HandleNull => true;

    public override PresenceStatus? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return PresenceStatusJsonConverter.TryParse(ref reader, out var status) ? status : null;
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, PresenceStatus? value, JsonSerializerOptions options)
    {
        if (value is { } status)
            writer.WriteStringValue(PresenceStatusJsonConverter.GetName(status));
        else
            writer.WriteNullValue();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models;

namespace Disgo.Serialization;

/// <summary>Reads an activity type where Discord does not validate types: a number or numeric string, else null.</summary>
public sealed class LenientActivityTypeJsonConverter : JsonConverter<ActivityType?>
{
    public override bool HandleNull => true;

    public override ActivityType? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientNumber.TryReadInt64(ref reader, out var value) && value is >= int.MinValue and <= int.MaxValue ? (ActivityType)value : null;

    public override void Write(Utf8JsonWriter writer, ActivityType? value, JsonSerializerOptions options)
    {
        if (value is { } type)
            writer.WriteNumberValue((int)type);
        else
            writer.WriteNullValue();
    }
}

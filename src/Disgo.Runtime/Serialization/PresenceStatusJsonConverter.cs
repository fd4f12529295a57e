using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models;

namespace Disgo.Serialization;

/// <summary>
/// Reads and writes <see cref="PresenceStatus"/> as Discord's lowercase names; an unknown name is an error.
/// The one place that knows those names (<see cref="LenientPresenceStatusJsonConverter"/> uses them too).
/// </summary>
public sealed class PresenceStatusJsonConverter : JsonConverter<PresenceStatus>
{
    public override PresenceStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && TryParse(ref reader, out var status))
            return status;
        throw new JsonException("Expected a status: \"online\", \"idle\", \"dnd\", \"invisible\" or \"offline\".");
    }

    public override void Write(Utf8JsonWriter writer, PresenceStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(GetName(value));

    internal static bool TryParse(ref Utf8JsonReader reader, out PresenceStatus status)
    {
        PresenceStatus? parsed =
            reader.ValueTextEquals("online"u8) ? PresenceStatus.Online
            : reader.ValueTextEquals("idle"u8) ? PresenceStatus.Idle
            : reader.ValueTextEquals("dnd"u8) ? PresenceStatus.DoNotDisturb
            : reader.ValueTextEquals("invisible"u8) ? PresenceStatus.Invisible
            : reader.ValueTextEquals("offline"u8) ? PresenceStatus.Offline
            : null;
        status = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    internal static ReadOnlySpan<byte> GetName(PresenceStatus status) => status switch
    {
        PresenceStatus.Online => "online"u8,
        PresenceStatus.Idle => "idle"u8,
        PresenceStatus.DoNotDisturb => "dnd"u8,
        PresenceStatus.Invisible => "invisible"u8,
        PresenceStatus.Offline => "offline"u8,
        _ => throw new JsonException($"{status} is not a presence status."),
    };
}

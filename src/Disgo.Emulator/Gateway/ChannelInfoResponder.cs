using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Request Channel Info (op 43): <c>{guild_id, fields:["status", "voice_start_time"]}</c>, answered with CHANNEL_INFO.
/// The fields describe voice channels; this world has only text channels, so the list is empty.
/// </summary>
internal sealed class ChannelInfoResponder(EmulatedWorld world)
{
    public RequestOutcome Respond(EmulatedSession session, JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("guild_id"u8, out var guildElement) || !Snowflakes.TryRead(guildElement, out var guildId)
            || !d.TryGetProperty("fields"u8, out var fields) || fields.ValueKind != JsonValueKind.Array)
            return RequestOutcome.Invalid("request channel info d must be {guild_id, fields: [...]}");
        foreach (var field in fields.EnumerateArray())
        {
            if (field.ValueKind != JsonValueKind.String || field.GetString() is not ("status" or "voice_start_time"))
                return RequestOutcome.Invalid("fields may hold only \"status\" and \"voice_start_time\"");
        }

        if (world.FindGuild(guildId) is null || !session.Holds(guildId))
            return RequestOutcome.NotOnShard(guildId, session);

        session.Dispatch(GatewayJson.Dispatch("CHANNEL_INFO", guildId, static (writer, id) =>
        {
            writer.WriteStartObject();
            Snowflakes.Write(writer, "guild_id"u8, id);
            writer.WriteStartArray("channels"u8);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
        return RequestOutcome.Answered;
    }
}

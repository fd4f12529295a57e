using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Request Soundboard Sounds (op 31): <c>{guild_ids:[...]}</c>, answered with one SOUNDBOARD_SOUNDS per guild of the
/// session's shard. Guilds in this world have no sounds, so each list is empty.
/// </summary>
internal sealed class SoundboardSoundsResponder(EmulatedWorld world)
{
    public RequestOutcome Respond(EmulatedSession session, JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("guild_ids"u8, out var guildIds) || guildIds.ValueKind != JsonValueKind.Array)
            return RequestOutcome.Invalid("request soundboard sounds d must be {guild_ids: [snowflake, ...]}");
        var ids = new List<ulong>(guildIds.GetArrayLength());
        foreach (var element in guildIds.EnumerateArray())
        {
            if (!Snowflakes.TryRead(element, out var id))
                return RequestOutcome.Invalid("guild_ids must hold snowflakes");
            ids.Add(id);
        }

        var outcome = RequestOutcome.Answered;
        foreach (var guildId in ids)
        {
            if (world.FindGuild(guildId) is null || !session.Holds(guildId))
            {
                outcome = RequestOutcome.NotOnShard(guildId, session);
                continue;
            }

            session.Dispatch(GatewayJson.Dispatch("SOUNDBOARD_SOUNDS", guildId, static (writer, id) =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("soundboard_sounds"u8);
                writer.WriteEndArray();
                Snowflakes.Write(writer, "guild_id"u8, id);
                writer.WriteEndObject();
            }));
        }

        return outcome;
    }
}

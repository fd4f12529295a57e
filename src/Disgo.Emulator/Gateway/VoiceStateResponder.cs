using System.Security.Cryptography;
using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Update Voice State (op 4): <c>{guild_id, channel_id|null, self_mute, self_deaf}</c>. Answered with the bot's
/// VOICE_STATE_UPDATE and, when joining a channel, VOICE_SERVER_UPDATE. Voice itself is not emulated: the endpoint
/// is a reserved name that resolves nowhere.
/// </summary>
internal sealed class VoiceStateResponder(EmulatedWorld world)
{
    private const string VoiceEndpoint = "voice.disgo-emulator.invalid:443";

    public RequestOutcome Respond(EmulatedSession session, JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("guild_id"u8, out var guildElement) || !Snowflakes.TryRead(guildElement, out var guildId)
            || !d.TryGetProperty("channel_id"u8, out var channelElement)
            || !d.TryGetProperty("self_mute"u8, out var selfMute) || selfMute.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            || !d.TryGetProperty("self_deaf"u8, out var selfDeaf) || selfDeaf.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return RequestOutcome.Invalid("voice state update d must be {guild_id, channel_id (or null), self_mute, self_deaf}");
        ulong? channelId = null;
        if (channelElement.ValueKind != JsonValueKind.Null)
        {
            if (!Snowflakes.TryRead(channelElement, out var channel))
                return RequestOutcome.Invalid("channel_id must be a snowflake or null");
            channelId = channel;
        }

        var guild = world.FindGuild(guildId);
        if (guild is null || !session.Holds(guildId))
            return RequestOutcome.NotOnShard(guildId, session);
        // Discord ignores a join it cannot carry out; there is nothing to answer for an unknown channel.
        if (channelId is { } joining && !guild.HasChannel(joining))
            return RequestOutcome.Answered;

        var state = new VoiceState(guild, channelId, selfMute.GetBoolean(), selfDeaf.GetBoolean(), session.Id);
        if (GatewayIntents.Receives(session.Intents, GatewayIntents.GuildVoiceStates))
            session.Dispatch(GatewayJson.Dispatch("VOICE_STATE_UPDATE", state, WriteVoiceState));
        if (channelId is not null)
            session.Dispatch(GatewayJson.Dispatch("VOICE_SERVER_UPDATE", guild.Id, WriteVoiceServer));
        return RequestOutcome.Answered;
    }

    private static void WriteVoiceState(Utf8JsonWriter writer, VoiceState state)
    {
        writer.WriteStartObject();
        Snowflakes.Write(writer, "guild_id"u8, state.Guild.Id);
        if (state.ChannelId is { } channelId)
            Snowflakes.Write(writer, "channel_id"u8, channelId);
        else
            writer.WriteNull("channel_id"u8);
        Snowflakes.Write(writer, "user_id"u8, state.Guild.MemberUserId(0));
        writer.WritePropertyName("member"u8);
        MemberJson.WriteMember(writer, state.Guild, 0);
        writer.WriteString("session_id"u8, state.SessionId);
        writer.WriteBoolean("deaf"u8, false);
        writer.WriteBoolean("mute"u8, false);
        writer.WriteBoolean("self_deaf"u8, state.SelfDeaf);
        writer.WriteBoolean("self_mute"u8, state.SelfMute);
        writer.WriteBoolean("self_video"u8, false);
        writer.WriteBoolean("suppress"u8, false);
        writer.WriteNull("request_to_speak_timestamp"u8);
        writer.WriteEndObject();
    }

    private static void WriteVoiceServer(Utf8JsonWriter writer, ulong guildId)
    {
        writer.WriteStartObject();
        writer.WriteString("token"u8, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        Snowflakes.Write(writer, "guild_id"u8, guildId);
        writer.WriteString("endpoint"u8, VoiceEndpoint);
        writer.WriteEndObject();
    }

    private sealed record VoiceState(EmulatedGuild Guild, ulong? ChannelId, bool SelfMute, bool SelfDeaf, string SessionId);
}

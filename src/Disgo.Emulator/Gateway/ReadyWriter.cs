using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The READY dispatch: the documented fields (<c>v</c>, <c>user</c>, unavailable <c>guilds</c>, <c>session_id</c>,
/// <c>resume_gateway_url</c>, <c>shard</c>, <c>application</c>) plus the undocumented ones real READY payloads carry,
/// so that existing Discord libraries accept it unmodified.
/// </summary>
internal static class ReadyWriter
{
    // Application flags Discord sets for a bot below the verification threshold with these intents enabled.
    private const int GatewayPresenceLimited = 1 << 13;
    private const int GatewayGuildMembersLimited = 1 << 15;
    private const int GatewayMessageContentLimited = 1 << 19;

    private static readonly string[] RtcRegions = ["us-east", "us-central", "atlanta", "newark", "us-south"];

    public static PreEncodedDispatch Write(EmulatedSession session, EmulatedWorld world, EmulatorOptions options, Uri resumeGatewayUrl, int apiVersion) =>
        GatewayJson.Dispatch("READY", (session, world, options, resumeGatewayUrl, apiVersion), static (writer, state) =>
        {
            var (session, world, options, resumeGatewayUrl, apiVersion) = state;
            writer.WriteStartObject();
            writer.WriteNumber("v"u8, apiVersion);
            WriteBotUser(writer, world);
            writer.WriteStartArray("guilds"u8);
            foreach (var guild in world.GuildsForShard(session.ShardId, session.NumShards))
            {
                writer.WriteStartObject();
                Snowflakes.Write(writer, "id"u8, guild.Id);
                writer.WriteBoolean("unavailable"u8, true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("session_id"u8, session.Id);
            writer.WriteString("resume_gateway_url"u8, resumeGatewayUrl.ToString());
            if (session.Shard is { } shard)
            {
                writer.WriteStartArray("shard"u8);
                writer.WriteNumberValue(shard.ShardId);
                writer.WriteNumberValue(shard.NumShards);
                writer.WriteEndArray();
            }

            writer.WriteStartObject("application"u8);
            Snowflakes.Write(writer, "id"u8, world.ApplicationId);
            writer.WriteNumber("flags"u8, ApplicationFlags(options.AllowedPrivilegedIntents));
            writer.WriteEndObject();

            // Undocumented, but present in every real READY.
            EmptyArray(writer, "private_channels"u8);
            EmptyArray(writer, "presences"u8);
            EmptyArray(writer, "relationships"u8);
            EmptyArray(writer, "guild_join_requests"u8);
            writer.WriteStartObject("user_settings"u8);
            writer.WriteEndObject();
            writer.WriteString("session_type"u8, "normal"u8);
            writer.WriteStartObject("auth"u8);
            writer.WriteEndObject();
            writer.WriteStartArray("geo_ordered_rtc_regions"u8);
            foreach (var region in RtcRegions)
                writer.WriteStringValue(region);
            writer.WriteEndArray();
            GatewayPayloads.WriteTrace(writer);
            writer.WriteEndObject();
        });

    private static void WriteBotUser(Utf8JsonWriter writer, EmulatedWorld world)
    {
        writer.WriteStartObject("user"u8);
        Snowflakes.Write(writer, "id"u8, world.BotUserId);
        writer.WriteString("username"u8, world.BotUsername);
        writer.WriteString("discriminator"u8, "0"u8);
        writer.WriteNull("global_name"u8);
        writer.WriteNull("avatar"u8);
        writer.WriteBoolean("bot"u8, true);
        writer.WriteBoolean("verified"u8, true);
        writer.WriteBoolean("mfa_enabled"u8, false);
        writer.WriteNumber("flags"u8, 0);
        writer.WriteNull("email"u8);
        writer.WriteEndObject();
    }

    private static int ApplicationFlags(long allowedPrivilegedIntents) =>
        ((allowedPrivilegedIntents & GatewayIntents.GuildPresences) != 0 ? GatewayPresenceLimited : 0)
        | ((allowedPrivilegedIntents & GatewayIntents.GuildMembers) != 0 ? GatewayGuildMembersLimited : 0)
        | ((allowedPrivilegedIntents & GatewayIntents.MessageContent) != 0 ? GatewayMessageContentLimited : 0);

    private static void EmptyArray(Utf8JsonWriter writer, ReadOnlySpan<byte> name)
    {
        writer.WriteStartArray(name);
        writer.WriteEndArray();
    }
}

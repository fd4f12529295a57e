using System.Buffers;
using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// GUILD_CREATE for one guild as a session sees it: the guild object plus <c>joined_at</c>, <c>large</c>,
/// <c>unavailable</c>, <c>member_count</c>, channels, roles, members and the (empty) lists Discord always includes.
/// Members follow Discord's rules: without GUILD_PRESENCES, or in a guild above <c>large_threshold</c>, only the bot
/// (nobody is in voice and nobody is online in this world); otherwise every member.
/// </summary>
internal sealed class GuildCreateWriter : IDisposable
{
    // @everyone's permissions in a new guild (view channels, send messages, read history, reactions, and so on).
    internal const string EveryonePermissions = "2248473465835073";

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly EmulatedSession _session;

    public GuildCreateWriter(EmulatedSession session)
    {
        _session = session;
        _writer = new Utf8JsonWriter(_buffer, GatewayJson.WriterOptions);
    }

    public PreEncodedDispatch Write(EmulatedGuild guild)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var writer = _writer;
        var large = guild.MemberCount > _session.LargeThreshold;

        writer.WriteStartObject();
        Snowflakes.Write(writer, "id"u8, guild.Id);
        writer.WriteString("name"u8, guild.Name);
        writer.WriteNull("icon"u8);
        writer.WriteNull("splash"u8);
        writer.WriteNull("discovery_splash"u8);
        Snowflakes.Write(writer, "owner_id"u8, guild.MemberUserId(guild.MemberCount > 1 ? 1 : 0));
        writer.WriteNull("afk_channel_id"u8);
        writer.WriteNumber("afk_timeout"u8, 300);
        writer.WriteNumber("verification_level"u8, 0);
        writer.WriteNumber("default_message_notifications"u8, 0);
        writer.WriteNumber("explicit_content_filter"u8, 0);
        writer.WriteStartArray("features"u8);
        writer.WriteEndArray();
        writer.WriteNumber("mfa_level"u8, 0);
        writer.WriteNull("application_id"u8);
        Snowflakes.Write(writer, "system_channel_id"u8, guild.ChannelId(0));
        writer.WriteNumber("system_channel_flags"u8, 0);
        writer.WriteNull("rules_channel_id"u8);
        writer.WriteNull("vanity_url_code"u8);
        writer.WriteNull("description"u8);
        writer.WriteNull("banner"u8);
        writer.WriteNumber("premium_tier"u8, 0);
        writer.WriteNumber("premium_subscription_count"u8, 0);
        writer.WriteString("preferred_locale"u8, "en-US"u8);
        writer.WriteNull("public_updates_channel_id"u8);
        writer.WriteNumber("nsfw_level"u8, 0);
        writer.WriteBoolean("premium_progress_bar_enabled"u8, false);
        EmptyArray("emojis"u8);
        EmptyArray("stickers"u8);
        WriteRoles(guild);

        // The GUILD_CREATE extras.
        MemberJson.WriteTimestamp(writer, "joined_at"u8, guild.MemberJoinedAt(0));
        writer.WriteBoolean("large"u8, large);
        writer.WriteBoolean("unavailable"u8, false);
        writer.WriteNumber("member_count"u8, guild.MemberCount);
        EmptyArray("voice_states"u8);
        WriteMembers(guild, everyone: !large && (_session.Intents & GatewayIntents.GuildPresences) != 0);
        WriteChannels(guild);
        EmptyArray("threads"u8);
        EmptyArray("presences"u8);
        EmptyArray("stage_instances"u8);
        EmptyArray("guild_scheduled_events"u8);
        EmptyArray("soundboard_sounds"u8);
        writer.WriteEndObject();
        writer.Flush();
        return PreEncodedDispatch.Create("GUILD_CREATE", _buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();

    private void WriteRoles(EmulatedGuild guild)
    {
        var writer = _writer;
        writer.WriteStartArray("roles"u8);
        writer.WriteStartObject();
        Snowflakes.Write(writer, "id"u8, guild.Id);
        writer.WriteString("name"u8, "@everyone"u8);
        writer.WriteNumber("color"u8, 0);
        writer.WriteBoolean("hoist"u8, false);
        writer.WriteNull("icon"u8);
        writer.WriteNull("unicode_emoji"u8);
        writer.WriteNumber("position"u8, 0);
        writer.WriteString("permissions"u8, EveryonePermissions);
        writer.WriteBoolean("managed"u8, false);
        writer.WriteBoolean("mentionable"u8, false);
        writer.WriteNumber("flags"u8, 0);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private void WriteMembers(EmulatedGuild guild, bool everyone)
    {
        _writer.WriteStartArray("members"u8);
        var count = everyone ? guild.MemberCount : 1;
        for (var i = 0; i < count; i++)
            MemberJson.WriteMember(_writer, guild, i);
        _writer.WriteEndArray();
    }

    private void WriteChannels(EmulatedGuild guild)
    {
        var writer = _writer;
        writer.WriteStartArray("channels"u8);
        for (var i = 0; i < guild.ChannelCount; i++)
        {
            writer.WriteStartObject();
            Snowflakes.Write(writer, "id"u8, guild.ChannelId(i));
            writer.WriteNumber("type"u8, 0);
            writer.WriteString("name"u8, i == 0 ? "general" : $"channel-{i}");
            Snowflakes.Write(writer, "guild_id"u8, guild.Id);
            writer.WriteNumber("position"u8, i);
            writer.WriteNull("parent_id"u8);
            writer.WriteNull("topic"u8);
            writer.WriteBoolean("nsfw"u8, false);
            writer.WriteNull("last_message_id"u8);
            writer.WriteNumber("rate_limit_per_user"u8, 0);
            EmptyArray("permission_overwrites"u8);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void EmptyArray(ReadOnlySpan<byte> name)
    {
        _writer.WriteStartArray(name);
        _writer.WriteEndArray();
    }
}

using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Events;

/// <summary>
/// Writes the <c>d</c> of guild dispatches in the shape real Discord traffic has, including the fields
/// libraries expect to find (nulls and empty arrays included), without allocating per event.
/// </summary>
internal static class GuildEventWriter
{
    // Discord's timestamp format: ISO-8601 with microseconds and an explicit UTC offset.
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'+00:00'";

    /// <summary>MESSAGE_CREATE: a message object plus <c>guild_id</c> and the author's partial <c>member</c>.</summary>
    public static void WriteMessageCreate(
        Utf8JsonWriter writer, EmulatedGuild guild, int channelIndex, int authorIndex, ulong messageId, ReadOnlySpan<char> content, DateTimeOffset now) =>
        WriteMessage(writer, guild, channelIndex, authorIndex, messageId, content, now, editedAt: null, referencedMessageId: null);

    /// <summary>
    /// A stored message in the same shape: the <c>d</c> of MESSAGE_CREATE and MESSAGE_UPDATE and the body REST
    /// answers with, so a bot sees one message the same way through either.
    /// </summary>
    public static void WriteMessage(Utf8JsonWriter writer, StoredMessage message) =>
        WriteMessage(writer, message.Guild, message.ChannelIndex, message.AuthorIndex, message.Id, message.Content, message.CreatedAt, message.EditedAt, message.ReferencedMessageId);

    /// <summary>MESSAGE_DELETE: <c>{id, channel_id, guild_id}</c>.</summary>
    public static void WriteMessageDelete(Utf8JsonWriter writer, StoredMessage message)
    {
        writer.WriteStartObject();
        WriteSnowflake(writer, "id"u8, message.Id);
        WriteSnowflake(writer, "channel_id"u8, message.ChannelId);
        WriteSnowflake(writer, "guild_id"u8, message.Guild.Id);
        writer.WriteEndObject();
    }

    private static void WriteMessage(
        Utf8JsonWriter writer,
        EmulatedGuild guild,
        int channelIndex,
        int authorIndex,
        ulong messageId,
        ReadOnlySpan<char> content,
        DateTimeOffset createdAt,
        DateTimeOffset? editedAt,
        ulong? referencedMessageId)
    {
        writer.WriteStartObject();
        // Type 19 is REPLY; a reply also carries the message_reference it was sent with.
        writer.WriteNumber("type"u8, referencedMessageId is null ? 0 : 19);
        writer.WriteBoolean("tts"u8, false);
        WriteTimestamp(writer, "timestamp"u8, createdAt);
        writer.WriteBoolean("pinned"u8, false);
        WriteSnowflake(writer, "nonce"u8, messageId);
        writer.WriteStartArray("mentions"u8);
        // The bot (member 0) is the only user whose mentions the emulator resolves: it is the one that changes
        // what a session without MESSAGE_CONTENT receives.
        if (Mentions(content, guild.MemberUserId(0)))
            WriteUser(writer, guild, 0);
        writer.WriteEndArray();
        writer.WriteStartArray("mention_roles"u8);
        writer.WriteEndArray();
        writer.WriteBoolean("mention_everyone"u8, false);
        writer.WritePropertyName("member"u8);
        WriteMember(writer, guild, authorIndex, includeUser: false);
        WriteSnowflake(writer, "id"u8, messageId);
        writer.WriteNumber("flags"u8, 0);
        writer.WriteStartArray("embeds"u8);
        writer.WriteEndArray();
        if (editedAt is { } edited)
            WriteTimestamp(writer, "edited_timestamp"u8, edited);
        else
            writer.WriteNull("edited_timestamp"u8);
        writer.WriteString("content"u8, content);
        if (referencedMessageId is { } referenced)
        {
            writer.WriteStartObject("message_reference"u8);
            writer.WriteNumber("type"u8, 0);
            WriteSnowflake(writer, "message_id"u8, referenced);
            WriteSnowflake(writer, "channel_id"u8, guild.ChannelId(channelIndex));
            WriteSnowflake(writer, "guild_id"u8, guild.Id);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("components"u8);
        writer.WriteEndArray();
        writer.WriteNumber("channel_type"u8, 0);
        WriteSnowflake(writer, "channel_id"u8, guild.ChannelId(channelIndex));
        writer.WritePropertyName("author"u8);
        WriteUser(writer, guild, authorIndex);
        writer.WriteStartArray("attachments"u8);
        writer.WriteEndArray();
        WriteSnowflake(writer, "guild_id"u8, guild.Id);
        writer.WriteEndObject();
    }

    /// <summary>TYPING_START: <c>{channel_id, guild_id, user_id, timestamp (Unix seconds), member}</c>.</summary>
    public static void WriteTypingStart(Utf8JsonWriter writer, EmulatedGuild guild, int channelIndex, int memberIndex, DateTimeOffset now)
    {
        writer.WriteStartObject();
        WriteSnowflake(writer, "user_id"u8, guild.MemberUserId(memberIndex));
        writer.WriteNumber("timestamp"u8, now.ToUnixTimeSeconds());
        writer.WritePropertyName("member"u8);
        WriteMember(writer, guild, memberIndex, includeUser: true);
        WriteSnowflake(writer, "channel_id"u8, guild.ChannelId(channelIndex));
        WriteSnowflake(writer, "guild_id"u8, guild.Id);
        writer.WriteEndObject();
    }

    /// <summary>MESSAGE_REACTION_ADD: a normal (not burst) unicode emoji reaction by a member.</summary>
    public static void WriteMessageReactionAdd(
        Utf8JsonWriter writer, EmulatedGuild guild, int channelIndex, int memberIndex, ulong messageId, int messageAuthorIndex) =>
        WriteMessageReactionAdd(writer, guild, channelIndex, memberIndex, messageId, messageAuthorIndex, "\U0001F44D", emojiId: null);

    /// <summary>MESSAGE_REACTION_ADD with a chosen emoji: unicode (<paramref name="emojiId"/> null) or custom.</summary>
    public static void WriteMessageReactionAdd(
        Utf8JsonWriter writer, EmulatedGuild guild, int channelIndex, int memberIndex, ulong messageId, int messageAuthorIndex, string emojiName, ulong? emojiId)
    {
        writer.WriteStartObject();
        WriteSnowflake(writer, "user_id"u8, guild.MemberUserId(memberIndex));
        writer.WriteNumber("type"u8, 0);
        WriteSnowflake(writer, "message_id"u8, messageId);
        WriteSnowflake(writer, "message_author_id"u8, guild.MemberUserId(messageAuthorIndex));
        writer.WritePropertyName("member"u8);
        WriteMember(writer, guild, memberIndex, includeUser: true);
        writer.WriteStartObject("emoji"u8);
        if (emojiId is { } id)
            WriteSnowflake(writer, "id"u8, id);
        else
            writer.WriteNull("id"u8);
        writer.WriteString("name"u8, emojiName);
        writer.WriteEndObject();
        WriteSnowflake(writer, "channel_id"u8, guild.ChannelId(channelIndex));
        writer.WriteBoolean("burst"u8, false);
        WriteSnowflake(writer, "guild_id"u8, guild.Id);
        writer.WriteStartArray("burst_colors"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter writer, EmulatedGuild guild, int memberIndex, bool includeUser)
    {
        writer.WriteStartObject();
        if (includeUser)
        {
            writer.WritePropertyName("user"u8);
            WriteUser(writer, guild, memberIndex);
        }

        writer.WriteStartArray("roles"u8);
        writer.WriteEndArray();
        writer.WriteNull("premium_since"u8);
        writer.WriteBoolean("pending"u8, false);
        writer.WriteNull("nick"u8);
        writer.WriteBoolean("mute"u8, false);
        WriteTimestamp(writer, "joined_at"u8, guild.MemberJoinedAt(memberIndex));
        writer.WriteNumber("flags"u8, 0);
        writer.WriteBoolean("deaf"u8, false);
        writer.WriteNull("communication_disabled_until"u8);
        writer.WriteNull("banner"u8);
        writer.WriteNull("avatar"u8);
        writer.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter writer, EmulatedGuild guild, int memberIndex)
    {
        Span<byte> username = stackalloc byte[EmulatedGuild.MaxUsernameBytes];
        var length = guild.WriteMemberUsername(memberIndex, username);
        writer.WriteStartObject();
        writer.WriteString("username"u8, username[..length]);
        writer.WriteNumber("public_flags"u8, 0);
        writer.WriteNull("primary_guild"u8);
        WriteSnowflake(writer, "id"u8, guild.MemberUserId(memberIndex));
        writer.WriteString("global_name"u8, username[..length]);
        writer.WriteNull("display_name_styles"u8);
        writer.WriteString("discriminator"u8, "0"u8);
        writer.WriteNull("collectibles"u8);
        writer.WriteNull("clan"u8);
        writer.WriteNull("avatar_decoration_data"u8);
        writer.WriteNull("avatar"u8);
        if (memberIndex == 0)
            writer.WriteBoolean("bot"u8, true);
        writer.WriteEndObject();
    }

    /// <summary>Whether <paramref name="content"/> mentions the user as <c>&lt;@id&gt;</c> or <c>&lt;@!id&gt;</c>.</summary>
    private static bool Mentions(ReadOnlySpan<char> content, ulong userId)
    {
        Span<char> nicknameForm = stackalloc char[24];
        "<@!".CopyTo(nicknameForm);
        userId.TryFormat(nicknameForm[3..], out var digits, provider: CultureInfo.InvariantCulture);
        nicknameForm[3 + digits] = '>';
        nicknameForm = nicknameForm[..(4 + digits)];
        Span<char> plainForm = stackalloc char[23];
        "<@".CopyTo(plainForm);
        nicknameForm[3..].CopyTo(plainForm[2..]);
        plainForm = plainForm[..(3 + digits)];
        return content.Contains(plainForm, StringComparison.Ordinal) || content.Contains(nicknameForm, StringComparison.Ordinal);
    }

    /// <summary>Snowflakes are always JSON strings on Discord's wire.</summary>
    private static void WriteSnowflake(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ulong id)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(id, digits, out var written);
        writer.WriteString(name, digits[..written]);
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset at)
    {
        Span<byte> text = stackalloc byte[32];
        at.UtcDateTime.TryFormat(text, out var written, TimestampFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }
}

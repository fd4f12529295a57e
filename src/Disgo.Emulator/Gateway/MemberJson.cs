using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>User and guild member objects as Discord writes them, generated from the world without allocating per member.</summary>
internal static class MemberJson
{
    /// <summary>A user object: <c>{id, username, discriminator:"0", global_name, avatar, bot?}</c>.</summary>
    public static void WriteUser(Utf8JsonWriter writer, EmulatedGuild guild, int memberIndex)
    {
        Span<byte> username = stackalloc byte[EmulatedGuild.MaxUsernameBytes];
        var length = guild.WriteMemberUsername(memberIndex, username);
        writer.WriteStartObject();
        Snowflakes.Write(writer, "id"u8, guild.MemberUserId(memberIndex));
        writer.WriteString("username"u8, username[..length]);
        // Discord dropped discriminators ("pomelo"); migrated users and bots show "0".
        writer.WriteString("discriminator"u8, "0"u8);
        writer.WriteNull("global_name"u8);
        writer.WriteNull("avatar"u8);
        if (memberIndex == 0)
            writer.WriteBoolean("bot"u8, true);
        writer.WriteEndObject();
    }

    /// <summary>A guild member object with its user, and the member's <paramref name="permissions"/> where Discord includes them (interactions).</summary>
    public static void WriteMember(Utf8JsonWriter writer, EmulatedGuild guild, int memberIndex, string? permissions = null)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("user"u8);
        WriteUser(writer, guild, memberIndex);
        writer.WriteNull("nick"u8);
        writer.WriteNull("avatar"u8);
        writer.WriteStartArray("roles"u8);
        writer.WriteEndArray();
        WriteTimestamp(writer, "joined_at"u8, guild.MemberJoinedAt(memberIndex));
        writer.WriteNull("premium_since"u8);
        writer.WriteBoolean("deaf"u8, false);
        writer.WriteBoolean("mute"u8, false);
        writer.WriteNumber("flags"u8, 0);
        writer.WriteBoolean("pending"u8, false);
        if (permissions is not null)
            writer.WriteString("permissions"u8, permissions);
        writer.WriteEndObject();
    }

    /// <summary>An ISO 8601 timestamp in Discord's style, e.g. <c>2026-01-01T00:00:00.000000+00:00</c>.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset at)
    {
        Span<byte> text = stackalloc byte[40];
        at.UtcDateTime.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }
}

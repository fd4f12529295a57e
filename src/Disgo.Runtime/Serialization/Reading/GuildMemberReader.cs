using System.Text.Json;
using Disgo.Models;

namespace Disgo.Serialization.Reading;

/// <summary>Reads a <see cref="GuildMember"/> in one pass.</summary>
internal static class GuildMemberReader
{
    public static GuildMember Read(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new GuildMember(), ReadProperty);

    private static bool ReadProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, GuildMember member)
    {
        if (name.SequenceEqual("roles"u8)) member.Roles = JsonModelReader.List(ref reader, JsonModelReader.Snowflake, member.Roles);
        else if (name.SequenceEqual("user"u8)) member.User = JsonModelReader.NullableObject(ref reader, UserReader.Read);
        else if (name.SequenceEqual("nick"u8)) member.Nick = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("avatar"u8)) member.Avatar = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("joined_at"u8)) member.JoinedAt = JsonModelReader.NullableDateTimeOffset(ref reader);
        else if (name.SequenceEqual("premium_since"u8)) member.PremiumSince = JsonModelReader.NullableDateTimeOffset(ref reader);
        else if (name.SequenceEqual("deaf"u8)) member.Deaf = JsonModelReader.Boolean(ref reader, member.Deaf);
        else if (name.SequenceEqual("mute"u8)) member.Mute = JsonModelReader.Boolean(ref reader, member.Mute);
        else if (name.SequenceEqual("flags"u8)) member.Flags = JsonModelReader.Int32(ref reader, member.Flags);
        else if (name.SequenceEqual("pending"u8)) member.Pending = JsonModelReader.Boolean(ref reader, member.Pending);
        else if (name.SequenceEqual("communication_disabled_until"u8)) member.CommunicationDisabledUntil = JsonModelReader.NullableDateTimeOffset(ref reader);
        else if (name.SequenceEqual("permissions"u8)) member.Permissions = JsonModelReader.NullableString(ref reader);
        else return false;
        return true;
    }
}

using System.Text.Json;
using Disgo.Models;

namespace Disgo.Serialization.Reading;

/// <summary>Reads a <see cref="User"/> in one pass.</summary>
internal static class UserReader
{
    public static User Read(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new User(), ReadProperty);

    private static bool ReadProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, User user)
    {
        if (name.SequenceEqual("id"u8)) user.Id = JsonModelReader.Snowflake(ref reader);
        else if (name.SequenceEqual("username"u8)) user.Username = JsonModelReader.String(ref reader, user.Username);
        else if (name.SequenceEqual("global_name"u8)) user.GlobalName = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("avatar"u8)) user.Avatar = JsonModelReader.NullableString(ref reader);
        else if (name.SequenceEqual("bot"u8)) user.Bot = JsonModelReader.Boolean(ref reader, user.Bot);
        else return false;
        return true;
    }
}

using System.Text.Json;
using Disgo.Models;

namespace Disgo.Serialization.Reading;

/// <summary>Reads a <see cref="MessageReference"/> in one pass.</summary>
internal static class MessageReferenceReader
{
    public static MessageReference Read(ref Utf8JsonReader reader) => JsonModelReader.Object(ref reader, new MessageReference(), ReadProperty);

    private static bool ReadProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, MessageReference reference)
    {
        if (name.SequenceEqual("type"u8)) reference.Type = JsonModelReader.Int32(ref reader, reference.Type);
        else if (name.SequenceEqual("message_id"u8)) reference.MessageId = JsonModelReader.NullableSnowflake(ref reader);
        else if (name.SequenceEqual("channel_id"u8)) reference.ChannelId = JsonModelReader.NullableSnowflake(ref reader);
        else if (name.SequenceEqual("guild_id"u8)) reference.GuildId = JsonModelReader.NullableSnowflake(ref reader);
        else return false;
        return true;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models;
using Disgo.Serialization.Reading;

namespace Disgo.Serialization;

/// <summary>
/// Reads a <see cref="Message"/> (MESSAGE_CREATE, MESSAGE_UPDATE) in one pass over its UTF-8 JSON: nested authors,
/// members, mentions, attachments and embeds are read inline, so a handled message costs only its objects and strings.
/// Writes with the plain source-generated metadata: writing is off the hot path.
/// </summary>
/// <remarks>
/// A message is always the root of an event's <c>d</c>, so the path in an error is a JSON path from that root.
/// </remarks>
internal sealed class MessageJsonConverter : JsonConverter<Message>
{
    public override Message Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return JsonModelReader.Object(ref reader, new Message(), ReadProperty);
        }
        catch (JsonException exception) when (exception.Path is { } path)
        {
            throw new JsonException($"{exception.Message} Path: ${path}.", "$" + path, lineNumber: null, bytePositionInLine: null, exception.InnerException);
        }
    }

    public override void Write(Utf8JsonWriter writer, Message value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, PlainMetadataContext.Default.Message);

    private static bool ReadProperty(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, Message message)
    {
        // Ordered roughly by how often Discord sends each property.
        if (name.SequenceEqual("id"u8)) message.Id = JsonModelReader.Snowflake(ref reader);
        else if (name.SequenceEqual("channel_id"u8)) message.ChannelId = JsonModelReader.Snowflake(ref reader);
        else if (name.SequenceEqual("guild_id"u8)) message.GuildId = JsonModelReader.NullableSnowflake(ref reader);
        else if (name.SequenceEqual("author"u8)) message.Author = JsonModelReader.NullableObject(ref reader, UserReader.Read)!;
        else if (name.SequenceEqual("member"u8)) message.Member = JsonModelReader.NullableObject(ref reader, GuildMemberReader.Read);
        else if (name.SequenceEqual("content"u8)) message.Content = JsonModelReader.String(ref reader, message.Content);
        else if (name.SequenceEqual("timestamp"u8)) message.Timestamp = JsonModelReader.DateTimeOffset(ref reader, message.Timestamp);
        else if (name.SequenceEqual("edited_timestamp"u8)) message.EditedTimestamp = JsonModelReader.NullableDateTimeOffset(ref reader);
        else if (name.SequenceEqual("type"u8)) message.Type = (MessageType)JsonModelReader.Int32(ref reader, (int)message.Type);
        else if (name.SequenceEqual("flags"u8)) message.Flags = (MessageFlags)JsonModelReader.Int32(ref reader, (int)message.Flags);
        else if (name.SequenceEqual("tts"u8)) message.Tts = JsonModelReader.Boolean(ref reader, message.Tts);
        else if (name.SequenceEqual("mention_everyone"u8)) message.MentionEveryone = JsonModelReader.Boolean(ref reader, message.MentionEveryone);
        else if (name.SequenceEqual("pinned"u8)) message.Pinned = JsonModelReader.Boolean(ref reader, message.Pinned);
        else if (name.SequenceEqual("mentions"u8)) message.Mentions = JsonModelReader.List(ref reader, UserReader.Read, message.Mentions);
        else if (name.SequenceEqual("mention_roles"u8)) message.MentionRoles = JsonModelReader.List(ref reader, JsonModelReader.Snowflake, message.MentionRoles);
        else if (name.SequenceEqual("attachments"u8)) message.Attachments = JsonModelReader.List(ref reader, AttachmentReader.Read, message.Attachments);
        else if (name.SequenceEqual("embeds"u8)) message.Embeds = JsonModelReader.List(ref reader, EmbedReader.Read, message.Embeds);
        else if (name.SequenceEqual("nonce"u8)) message.Nonce = LenientStringJsonConverter.ReadText(ref reader);
        else if (name.SequenceEqual("channel_type"u8)) message.ChannelType = (ChannelType?)JsonModelReader.NullableInt32(ref reader);
        else if (name.SequenceEqual("webhook_id"u8)) message.WebhookId = JsonModelReader.NullableSnowflake(ref reader);
        else if (name.SequenceEqual("message_reference"u8)) message.MessageReference = JsonModelReader.NullableObject(ref reader, MessageReferenceReader.Read);
        else return false;
        return true;
    }
}

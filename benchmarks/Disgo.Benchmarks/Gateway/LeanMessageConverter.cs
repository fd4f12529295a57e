using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disgo.Benchmarks.Gateway;

/// <summary>
/// Reads a <see cref="LeanMessage"/> in one pass: property names matched as UTF-8, unknown properties skipped, nested
/// objects read inline (no serializer stack frames to allocate). The shape a generator can emit for hot events.
/// </summary>
internal sealed class LeanMessageConverter : JsonConverter<LeanMessage>
{
    public override LeanMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader);
        Snowflake id = default, channelId = default;
        Snowflake? guildId = null;
        LeanUser? author = null;
        string content = "";
        DateTimeOffset timestamp = default;
        DateTimeOffset? editedTimestamp = null;
        int type = 0, flags = 0;
        bool tts = false, mentionEveryone = false, pinned = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("id"u8)) id = ReadSnowflake(ref reader);
            else if (name.SequenceEqual("channel_id"u8)) channelId = ReadSnowflake(ref reader);
            else if (name.SequenceEqual("guild_id"u8)) guildId = reader.TokenType == JsonTokenType.Null ? null : ReadSnowflake(ref reader);
            else if (name.SequenceEqual("author"u8)) author = ReadUser(ref reader);
            else if (name.SequenceEqual("content"u8)) content = reader.GetString() ?? "";
            else if (name.SequenceEqual("timestamp"u8)) timestamp = reader.GetDateTimeOffset();
            else if (name.SequenceEqual("edited_timestamp"u8)) editedTimestamp = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
            else if (name.SequenceEqual("type"u8)) type = reader.GetInt32();
            else if (name.SequenceEqual("flags"u8)) flags = reader.GetInt32();
            else if (name.SequenceEqual("tts"u8)) tts = reader.GetBoolean();
            else if (name.SequenceEqual("mention_everyone"u8)) mentionEveryone = reader.GetBoolean();
            else if (name.SequenceEqual("pinned"u8)) pinned = reader.GetBoolean();
            else reader.Skip();
        }

        return new LeanMessage
        {
            Id = id,
            ChannelId = channelId,
            GuildId = guildId,
            Author = author ?? throw new JsonException("A message has no author."),
            Content = content,
            Timestamp = timestamp,
            EditedTimestamp = editedTimestamp,
            Type = type,
            Flags = flags,
            Tts = tts,
            MentionEveryone = mentionEveryone,
            Pinned = pinned,
        };
    }

    public override void Write(Utf8JsonWriter writer, LeanMessage value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Only the receive path is measured.");

    private static LeanUser ReadUser(ref Utf8JsonReader reader)
    {
        ExpectStartObject(ref reader);
        Snowflake id = default;
        string username = "";
        string? globalName = null;
        var bot = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("id"u8)) id = ReadSnowflake(ref reader);
            else if (name.SequenceEqual("username"u8)) username = reader.GetString() ?? "";
            else if (name.SequenceEqual("global_name"u8)) globalName = reader.GetString();
            else if (name.SequenceEqual("bot"u8)) bot = reader.GetBoolean();
            else reader.Skip();
        }

        return new LeanUser { Id = id, Username = username, GlobalName = globalName, Bot = bot };
    }

    private static Snowflake ReadSnowflake(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && Snowflake.TryParse(reader.ValueSpan, out var value)
            ? value
            : throw new JsonException("Expected a snowflake string.");

    private static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, found {reader.TokenType}.");
        }
    }
}

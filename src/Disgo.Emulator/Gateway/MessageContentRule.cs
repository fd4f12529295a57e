using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Discord's MESSAGE_CONTENT rule (intent 1 &lt;&lt; 15): a session without the intent gets <c>content</c>,
/// <c>embeds</c>, <c>attachments</c> and <c>components</c> empty, and no <c>poll</c>, in guild MESSAGE_CREATE and
/// MESSAGE_UPDATE, unless the bot wrote the message or is in its <c>mentions</c>. DMs always keep their content.
/// The stripped dispatch is derived once per event and shared by every session without the intent.
/// </summary>
internal sealed class MessageContentRule
{
    // One writer per thread: stripping runs once per event on whichever thread dispatches it, and the result is
    // copied into the dispatch's own envelope, so the buffer is free again as soon as Strip returns.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly byte[] _botUserId;

    public MessageContentRule(ulong botUserId)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(botUserId, digits, out var length);
        _botUserId = digits[..length].ToArray();
    }

    /// <summary>Whether the rule can change <paramref name="eventName"/> for a session without the intent.</summary>
    public static bool Governs(string eventName, ulong? guildId) =>
        guildId is not null && eventName is "MESSAGE_CREATE" or "MESSAGE_UPDATE";

    /// <summary>Whether a session identified with <paramref name="intents"/> gets message content in full.</summary>
    public static bool SeesContent(long intents) => (intents & GatewayIntents.MessageContent) != 0;

    /// <summary>
    /// What a session without the intent receives for a governed event: <paramref name="full"/> itself when the bot
    /// wrote or is mentioned in the message, otherwise the same event with its content fields emptied.
    /// </summary>
    public PreEncodedDispatch ForSessionWithoutIntent(PreEncodedDispatch full, ReadOnlySpan<byte> dataJson) =>
        IsExempt(dataJson) ? full : PreEncodedDispatch.Create(full.EventName, Strip(dataJson));

    /// <summary>Whether <c>author.id</c> or any <c>mentions[].id</c> is the bot's user id.</summary>
    private bool IsExempt(ReadOnlySpan<byte> dataJson)
    {
        var reader = new Utf8JsonReader(dataJson);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("author"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && ObjectIdIsBot(ref reader))
                    return true;
            }
            else if (reader.ValueTextEquals("mentions"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                        reader.Skip();
                    else if (ObjectIdIsBot(ref reader))
                        return true;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return false;
    }

    /// <summary>Reads one object (the reader is on its start) to its end; true if its <c>id</c> is the bot's.</summary>
    private bool ObjectIdIsBot(ref Utf8JsonReader reader)
    {
        var isBot = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(_botUserId))
                isBot = true;
            reader.Skip();
        }

        return isBot;
    }

    /// <summary>The message with <c>content</c> "", <c>embeds</c>/<c>attachments</c>/<c>components</c> [] and no <c>poll</c>.</summary>
    private static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> dataJson)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);

        var reader = new Utf8JsonReader(dataJson);
        reader.Read();
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("poll"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (reader.ValueTextEquals("content"u8))
                writer.WriteString("content"u8, ""u8);
            else if (reader.ValueTextEquals("embeds"u8) || reader.ValueTextEquals("attachments"u8) || reader.ValueTextEquals("components"u8))
                WriteEmptyArray(writer, ref reader);
            else
            {
                CopyProperty(writer, ref reader, dataJson);
                continue;
            }

            reader.Read();
            reader.Skip();
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan;
    }

    private static void WriteEmptyArray(Utf8JsonWriter writer, ref Utf8JsonReader reader)
    {
        writer.WritePropertyName(reader.ValueSpan);
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    /// <summary>Copies one property (the reader is on its name) as it is, value bytes untouched.</summary>
    private static void CopyProperty(Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> dataJson)
    {
        if (reader.ValueIsEscaped)
            writer.WritePropertyName(reader.GetString()!);
        else
            writer.WritePropertyName(reader.ValueSpan);
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        writer.WriteRawValue(dataJson[start..(int)reader.BytesConsumed], skipInputValidation: true);
    }
}

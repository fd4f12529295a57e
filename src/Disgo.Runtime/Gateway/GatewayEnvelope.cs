using System.Runtime.CompilerServices;
using System.Text.Json;
using Disgo.Gateway.Dispatch;

namespace Disgo.Gateway;

/// <summary>
/// The four fields of a gateway payload, read in one forward pass with no allocation: <c>op</c> and <c>s</c> as numbers,
/// <c>t</c> and <c>d</c> as positions in the payload (so <c>t</c> is compared as UTF-8 bytes and <c>d</c> is parsed only if
/// someone wants it). Keys may come in any order; unknown keys are skipped.
/// </summary>
/// <remarks>
/// Discord sends <c>t, s, op, d</c>. Once <c>op</c>, <c>s</c> and <c>t</c> are known, reading stops where <c>d</c> starts:
/// its bytes are tokenized only if it is deserialized (which checks them), so an event nobody handles is not parsed
/// at all and a handled one is parsed once. When <c>d</c> comes earlier, it is skipped with full checking.
/// </remarks>
internal readonly struct GatewayEnvelope
{
    /// <summary>The longest <c>t</c> accepted. Discord's event names are far shorter.</summary>
    public const int MaxEventNameLength = 64;

    private GatewayEnvelope(int opcode, long? sequence, Range eventName, int dataStart, int dataLength)
    {
        Opcode = opcode;
        Sequence = sequence;
        EventName = eventName;
        DataStart = dataStart;
        DataLength = dataLength;
    }

    /// <summary>The <c>op</c> of the payload.</summary>
    public int Opcode { get; }

    /// <summary>The <c>s</c> of the payload; <see langword="null"/> when it is null or absent (every op but 0).</summary>
    public long? Sequence { get; }

    /// <summary>Where the UTF-8 bytes of <c>t</c> are, quotes excluded; an empty range when <c>t</c> is null or absent.</summary>
    public Range EventName { get; }

    /// <summary>Where the raw JSON value of <c>d</c> starts in the payload; -1 when there is no <c>d</c>.</summary>
    public int DataStart { get; }

    /// <summary>
    /// The length of <c>d</c>'s raw JSON, or -1 when it was not measured: <c>d</c> came last, so reading stopped at its
    /// start. The value then runs from <see cref="DataStart"/> to a point before the payload's end.
    /// </summary>
    public int DataLength { get; }

    /// <summary>The bytes from <c>d</c>'s start to the payload's end: <c>d</c>, possibly followed by the rest of the payload.</summary>
    public ReadOnlySpan<byte> DataAndRest(ReadOnlySpan<byte> payload) => DataStart < 0 ? default : payload[DataStart..];

    /// <summary>The exact raw JSON of <c>d</c>, measured (and checked) now if reading stopped at its start; empty when absent.</summary>
    /// <exception cref="GatewayDecodeException"><c>d</c> is malformed or truncated.</exception>
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> payload)
    {
        if (DataStart < 0 || DataLength >= 0)
        {
            return DataStart < 0 ? default : payload.Slice(DataStart, DataLength);
        }

        try
        {
            return payload.Slice(DataStart, JsonValue.MeasureLength(payload[DataStart..]));
        }
        catch (JsonException exception)
        {
            throw new GatewayDecodeException($"The \"d\" of a gateway payload is not valid JSON: {exception.Message}", exception);
        }
    }

    /// <summary>The dispatch this (op 0) envelope describes, as views into <paramref name="payload"/>.</summary>
    public GatewayDispatch ToDispatch(ReadOnlyMemory<byte> payload, int shardId, string? sessionId) => DataStart < 0
        ? new GatewayDispatch(payload[EventName], default, Sequence ?? 0, shardId, sessionId)
        : new GatewayDispatch(payload[EventName], payload[DataStart..], DataLength, Sequence ?? 0, shardId, sessionId);

    /// <summary>Reads the envelope of one whole payload.</summary>
    /// <exception cref="GatewayDecodeException">The payload is not a JSON object with an integer <c>op</c>, or a field has the wrong type.</exception>
    public static GatewayEnvelope Read(ReadOnlySpan<byte> payload)
    {
        try
        {
            return ReadCore(payload);
        }
        catch (JsonException exception)
        {
            throw new GatewayDecodeException($"A gateway payload is not valid JSON: {exception.Message}", exception);
        }
    }

    private static GatewayEnvelope ReadCore(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Malformed("is not a JSON object");
        }

        int? opcode = null;
        long? sequence = null;
        Range eventName = default;
        bool sequenceSeen = false, eventNameSeen = false;
        int dataStart = -1, dataLength = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = KeyOf(ref reader);
            reader.Read();
            switch (key)
            {
                case Key.Op:
                    opcode = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var op)
                        ? op
                        : throw Malformed("has an \"op\" that is not an integer");
                    break;
                case Key.Sequence:
                    sequence = ReadSequence(ref reader);
                    sequenceSeen = true;
                    break;
                case Key.EventName:
                    eventName = ReadEventName(ref reader);
                    eventNameSeen = true;
                    break;
                case Key.Data:
                    dataStart = (int)reader.TokenStartIndex;
                    if (opcode is not null && sequenceSeen && eventNameSeen
                        && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        // Everything the envelope needs is known: d is left for whoever deserializes it.
                        return Complete(opcode, sequence, eventName, dataStart, dataLength: -1);
                    }

                    reader.Skip();
                    dataLength = (int)reader.BytesConsumed - dataStart;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // The loop ends at the root's EndObject; one more read proves nothing but whitespace follows it.
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
        {
            throw Malformed("has content after its root object");
        }

        return Complete(opcode, sequence, eventName, dataStart, dataLength);
    }

    private static GatewayEnvelope Complete(int? opcode, long? sequence, Range eventName, int dataStart, int dataLength) =>
        opcode is { } value
            ? new GatewayEnvelope(value, sequence, eventName, dataStart, dataLength)
            : throw Malformed("has no \"op\"");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Key KeyOf(ref Utf8JsonReader reader)
    {
        var name = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            return Key.Other;
        }

        return name.Length switch
        {
            1 when name[0] == (byte)'d' => Key.Data,
            1 when name[0] == (byte)'t' => Key.EventName,
            1 when name[0] == (byte)'s' => Key.Sequence,
            2 when name[0] == (byte)'o' && name[1] == (byte)'p' => Key.Op,
            _ => Key.Other,
        };
    }

    private static long? ReadSequence(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt64(out var sequence) => sequence,
        _ => throw Malformed("has an \"s\" that is neither null nor an integer"),
    };

    private static Range ReadEventName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Malformed("has a \"t\" that is neither null nor a string");
        }

        // Event names are plain UPPER_SNAKE_CASE; a range can only point at them when they are written unescaped.
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxEventNameLength)
        {
            throw Malformed("has a \"t\" that is escaped or too long to be an event name");
        }

        var start = (int)reader.TokenStartIndex + 1;
        return new Range(start, start + reader.ValueSpan.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GatewayDecodeException Malformed(string problem) => new($"A gateway payload {problem}.");

    private enum Key
    {
        Other,
        Op,
        Sequence,
        EventName,
        Data,
    }
}

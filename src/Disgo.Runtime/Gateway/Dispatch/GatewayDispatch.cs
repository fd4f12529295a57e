using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Disgo.Gateway.Dispatch;

/// <summary>
/// One dispatch event as it arrived: its name and its raw <c>d</c>, both views into a pooled buffer that is valid
/// only until <see cref="IGatewayDispatcher.DispatchAsync"/> completes.
/// </summary>
public readonly struct GatewayDispatch
{
    // d's JSON, possibly followed by the rest of its payload: the receive loop does not look for where d ends.
    private readonly ReadOnlyMemory<byte> _data;
    private readonly int _dataLength;

    /// <param name="eventName">The event name (<c>t</c>) as UTF-8 bytes.</param>
    /// <param name="data">Exactly the raw JSON of <c>d</c>.</param>
    /// <param name="sequence">The event's sequence number.</param>
    /// <param name="shardId">The shard the event arrived on.</param>
    /// <param name="sessionId">The Discord session the event belongs to, if known.</param>
    public GatewayDispatch(ReadOnlyMemory<byte> eventName, ReadOnlyMemory<byte> data, long sequence, int shardId, string? sessionId)
        : this(eventName, data, data.Length, sequence, shardId, sessionId)
    {
    }

    // dataAndRest: d's JSON, possibly followed by the rest of its payload; dataLength: d's length, or -1 if not measured.
    internal GatewayDispatch(ReadOnlyMemory<byte> eventName, ReadOnlyMemory<byte> dataAndRest, int dataLength, long sequence, int shardId, string? sessionId)
    {
        EventName = eventName;
        _data = dataAndRest;
        _dataLength = dataLength;
        Sequence = sequence;
        ShardId = shardId;
        SessionId = sessionId;
    }

    /// <summary>The event name (<c>t</c>) as UTF-8 bytes, e.g. <c>MESSAGE_CREATE</c>.</summary>
    public ReadOnlyMemory<byte> EventName { get; }

    /// <summary>
    /// Exactly the raw JSON of the event's <c>d</c>. The receive loop does not measure <c>d</c>, so this walks (and checks)
    /// it on every access; <see cref="Deserialize{T}"/> does not need it.
    /// </summary>
    /// <exception cref="GatewayDecodeException"><c>d</c> is malformed or truncated.</exception>
    public ReadOnlyMemory<byte> Data
    {
        get
        {
            if (_dataLength >= 0)
            {
                return _data[.._dataLength];
            }

            try
            {
                return _data[..JsonValue.MeasureLength(_data.Span)];
            }
            catch (JsonException exception)
            {
                throw Undecodable("is not valid JSON", exception);
            }
        }
    }

    /// <summary>The event's sequence number (<c>s</c>) in its session.</summary>
    public long Sequence { get; }

    /// <summary>The shard the event arrived on (0 for a bot without sharding).</summary>
    public int ShardId { get; }

    /// <summary>The Discord session the event belongs to; <see langword="null"/> for READY, which announces it.</summary>
    public string? SessionId { get; }

    /// <summary>
    /// Deserializes <c>d</c> straight from its UTF-8 bytes with source-generated metadata, in one pass: the bytes are
    /// tokenized here for the first and only time.
    /// </summary>
    /// <exception cref="GatewayDecodeException"><c>d</c> is malformed or does not fit <typeparamref name="T"/>.</exception>
    public T Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return JsonValue.Deserialize(_data.Span, typeInfo);
        }
        catch (JsonException exception)
        {
            throw Undecodable($"does not fit {typeof(T).Name}", exception);
        }
    }

    private GatewayDecodeException Undecodable(string problem, JsonException exception) =>
        new($"The data of {Encoding.UTF8.GetString(EventName.Span)} (sequence {Sequence}) {problem}: {exception.Message}", exception);
}

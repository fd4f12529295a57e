using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo;

/// <summary>
/// A Discord ID: 64 bits holding the milliseconds since the Discord epoch (bits 63-22), a worker, a process and an
/// increment. On the wire it is a JSON string, because a JSON number cannot hold 64 bits in every client.
/// </summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value)
    : IComparable<Snowflake>, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<Snowflake>, IUtf8SpanParsable<Snowflake>
{
    /// <summary>The Discord epoch, 2015-01-01T00:00:00Z, in Unix milliseconds.</summary>
    public const long DiscordEpochMilliseconds = 1420070400000;

    /// <summary>The most characters a snowflake needs as text (<see cref="ulong.MaxValue"/> has 20 digits).</summary>
    public const int MaxLength = 20;

    private const int TimestampShift = 22;

    /// <summary>The Discord epoch as a <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset DiscordEpoch { get; } = DateTimeOffset.FromUnixTimeMilliseconds(DiscordEpochMilliseconds);

    /// <summary>When this ID was created (millisecond precision).</summary>
    public DateTimeOffset Timestamp =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> TimestampShift) + DiscordEpochMilliseconds);

    /// <summary>The internal worker that generated this ID (bits 21-17).</summary>
    public int WorkerId => (int)((Value & 0x3E0000) >> 17);

    /// <summary>The internal process that generated this ID (bits 16-12).</summary>
    public int ProcessId => (int)((Value & 0x1F000) >> 12);

    /// <summary>The per-process increment (bits 11-0).</summary>
    public int Increment => (int)(Value & 0xFFF);

    /// <summary>
    /// The smallest snowflake created at <paramref name="timestamp"/>: handy as a <c>before</c>/<c>after</c> bound when
    /// paginating. Milliseconds below the timestamp's precision are dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is before the Discord epoch.</exception>
    public static Snowflake FromTimestamp(DateTimeOffset timestamp)
    {
        var sinceEpoch = timestamp.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds;
        ArgumentOutOfRangeException.ThrowIfNegative(sinceEpoch, nameof(timestamp));
        return new Snowflake((ulong)sinceEpoch << TimestampShift);
    }

    /// <summary>
    /// The shard that receives events of the guild with this ID: <c>(id &gt;&gt; 22) % numShards</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numShards"/> is zero or negative.</exception>
    public int ShardId(int numShards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numShards);
        return (int)((Value >> TimestampShift) % (uint)numShards);
    }

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public static bool operator <(Snowflake left, Snowflake right) => left.Value < right.Value;

    public static bool operator >(Snowflake left, Snowflake right) => left.Value > right.Value;

    public static bool operator <=(Snowflake left, Snowflake right) => left.Value <= right.Value;

    public static bool operator >=(Snowflake left, Snowflake right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(utf8Destination, out bytesWritten, format, provider);

    /// <summary>Parses the decimal digits of an ID, nothing else (no sign, no spaces).</summary>
    /// <exception cref="FormatException">The text is not an unsigned 64-bit decimal number.</exception>
    public static Snowflake Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static Snowflake Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var result) ? result : throw new FormatException($"'{s}' is not a snowflake: expected 1 to 20 decimal digits.");

    public static bool TryParse([NotNullWhen(true)] string? s, out Snowflake result) => TryParse(s.AsSpan(), out result);

    public static bool TryParse(ReadOnlySpan<char> s, out Snowflake result)
    {
        var parsed = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        result = new Snowflake(value);
        return parsed;
    }

    /// <summary>Parses the UTF-8 decimal digits of an ID, nothing else (no sign, no spaces).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Snowflake result)
    {
        var parsed = ulong.TryParse(utf8Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        result = new Snowflake(value);
        return parsed;
    }

    static Snowflake IParsable<Snowflake>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Snowflake>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Snowflake result) =>
        TryParse(s, out result);

    static Snowflake ISpanParsable<Snowflake>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Snowflake>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Snowflake result) =>
        TryParse(s, out result);

    static Snowflake IUtf8SpanParsable<Snowflake>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) =>
        TryParse(utf8Text, out var result) ? result : throw new FormatException("The UTF-8 text is not a snowflake: expected 1 to 20 decimal digits.");

    static bool IUtf8SpanParsable<Snowflake>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Snowflake result) =>
        TryParse(utf8Text, out result);
}

using System.Text;
using System.Text.Json;
using Disgo.Serialization;

namespace Disgo.Runtime.Tests.Models;

public sealed class SnowflakeTests
{
    // Discord's documented example: 175928847299117063 was created 2016-04-30T11:18:25.796Z by worker 1, process 0, increment 7.
    private static readonly Snowflake DocsExample = new(175928847299117063);

    [Fact]
    public void Timestamp_is_milliseconds_since_the_Discord_epoch()
    {
        Assert.Equal(1420070400000, Snowflake.DiscordEpochMilliseconds);
        Assert.Equal(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero), Snowflake.DiscordEpoch);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462015105796), DocsExample.Timestamp);
    }

    [Fact]
    public void Worker_process_and_increment_come_from_the_low_bits()
    {
        Assert.Equal(1, DocsExample.WorkerId);
        Assert.Equal(0, DocsExample.ProcessId);
        Assert.Equal(7, DocsExample.Increment);
    }

    [Fact]
    public void FromTimestamp_builds_the_smallest_id_of_that_millisecond()
    {
        var id = Snowflake.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(1462015105796));

        Assert.Equal((1462015105796UL - 1420070400000UL) << 22, id.Value);
        Assert.Equal(DocsExample.Timestamp, id.Timestamp);
        Assert.True(id <= DocsExample);
        Assert.Equal(0, id.Increment);
    }

    [Fact]
    public void FromTimestamp_at_the_epoch_is_zero_and_before_it_throws()
    {
        Assert.Equal(0UL, Snowflake.FromTimestamp(Snowflake.DiscordEpoch).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => Snowflake.FromTimestamp(Snowflake.DiscordEpoch.AddMilliseconds(-1)));
    }

    [Theory]
    [InlineData(81384788765712384UL, 4, 2)]
    [InlineData(81384788765712384UL, 3, 1)]
    [InlineData(41771983423143937UL, 3, 0)]
    [InlineData(222078108977594368UL, 4, 0)]
    [InlineData(336642139381301249UL, 4, 1)]
    [InlineData(267624335836053506UL, 4, 3)]
    [InlineData(613425648685547541UL, 3, 2)]
    [InlineData(175928847299117063UL, 1, 0)]
    public void ShardId_is_the_timestamp_bits_modulo_the_shard_count(ulong guildId, int shardCount, int expectedShard)
    {
        Assert.Equal(expectedShard, new Snowflake(guildId).ShardId(shardCount));
    }

    [Fact]
    public void ShardId_of_the_largest_id_does_not_overflow()
    {
        Assert.Equal((int)((ulong.MaxValue >> 22) % int.MaxValue), new Snowflake(ulong.MaxValue).ShardId(int.MaxValue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void ShardId_rejects_a_shard_count_below_one(int shardCount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocsExample.ShardId(shardCount));
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("175928847299117063", 175928847299117063UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Parse_reads_decimal_digits(string text, ulong expected)
    {
        Assert.Equal(expected, Snowflake.Parse(text).Value);
        Assert.True(Snowflake.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(expected, fromUtf8.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("0x10")]
    [InlineData("18446744073709551616")]
    [InlineData("abc")]
    public void Parse_rejects_anything_but_digits(string text)
    {
        Assert.False(Snowflake.TryParse(text, out _));
        Assert.False(Snowflake.TryParse(Encoding.UTF8.GetBytes(text), out _));
        var error = Assert.Throws<FormatException>(() => Snowflake.Parse(text));
        Assert.Contains("snowflake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_as_decimal_text_in_chars_and_utf8()
    {
        Assert.Equal("175928847299117063", DocsExample.ToString());
        Assert.Equal("175928847299117063", $"{DocsExample}");

        Span<byte> utf8 = stackalloc byte[Snowflake.MaxLength];
        Assert.True(DocsExample.TryFormat(utf8, out var written, default, null));
        Assert.Equal("175928847299117063"u8.ToArray(), utf8[..written].ToArray());
        Assert.False(DocsExample.TryFormat(stackalloc char[5], out _, default, null));
    }

    [Fact]
    public void Orders_by_value()
    {
        var older = new Snowflake(41771983423143937);
        Assert.True(older < DocsExample);
        Assert.True(DocsExample > older);
        Assert.True(older.CompareTo(DocsExample) < 0);
        Assert.Equal(new Snowflake(7), new Snowflake(7));
    }

    [Fact]
    public void Writes_a_JSON_string()
    {
        Assert.Equal("\"175928847299117063\"", JsonSerializer.Serialize(DocsExample, DisgoJsonContext.Default.Snowflake));
        Assert.Equal("\"18446744073709551615\"", JsonSerializer.Serialize(new Snowflake(ulong.MaxValue), DisgoJsonContext.Default.Snowflake));
    }

    [Theory]
    [InlineData("\"175928847299117063\"")]
    [InlineData("175928847299117063")]
    [InlineData("\"\\u0031\\u0037\\u0035928847299117063\"")]
    public void Reads_a_JSON_string_or_number(string json)
    {
        Assert.Equal(DocsExample, JsonSerializer.Deserialize(json, DisgoJsonContext.Default.Snowflake));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"-5\"")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("18446744073709551616")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void Rejects_JSON_that_is_not_an_id(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, DisgoJsonContext.Default.Snowflake));
        Assert.Contains("snowflake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nullable_ids_read_null_as_absent()
    {
        Assert.Null(JsonSerializer.Deserialize("null", DisgoJsonContext.Default.NullableSnowflake));
    }
}

using System.Text;
using System.Text.Json.Serialization;
using Disgo.Gateway;
using Disgo.Gateway.Dispatch;

namespace Disgo.Runtime.Tests.Gateway.Dispatch;

public sealed partial class GatewayDispatchTests
{
    [Fact]
    public void Deserialize_reads_the_model_straight_from_the_raw_data()
    {
        var dispatch = new GatewayDispatch("TYPING_START"u8.ToArray(), """{"channel_id":"7","timestamp":1700000000}"""u8.ToArray(), 12, 0, "abc");

        var typing = dispatch.Deserialize(TestJsonContext.Default.TypingStart);

        Assert.Equal("7", typing.ChannelId);
        Assert.Equal(1700000000, typing.Timestamp);
    }

    [Theory]
    [InlineData("""{"channel_id":7,"timestamp":1}""")]
    [InlineData("null")]
    [InlineData("""{"channel_id":"7",""")]
    public void Data_that_does_not_fit_the_model_throws_a_decode_exception_naming_the_event(string data)
    {
        var dispatch = new GatewayDispatch("TYPING_START"u8.ToArray(), Encoding.UTF8.GetBytes(data), 12, 0, null);

        var exception = Assert.Throws<GatewayDecodeException>(() => dispatch.Deserialize(TestJsonContext.Default.TypingStart));

        Assert.Contains("TYPING_START", exception.Message);
        Assert.Contains("12", exception.Message);
    }

    [Fact]
    public void Data_followed_by_the_rest_of_its_payload_is_deserialized_and_measured_exactly()
    {
        var payload = """{"t":"TYPING_START","s":12,"op":0,"d":{"channel_id":"7","timestamp":5,"member":{"roles":["1"]}}}"""u8.ToArray();
        var dispatch = GatewayEnvelope.Read(payload).ToDispatch(payload, shardId: 2, sessionId: "abc");

        var typing = dispatch.Deserialize(TestJsonContext.Default.TypingStart);

        Assert.Equal("7", typing.ChannelId);
        Assert.Equal(5, typing.Timestamp);
        Assert.Equal(["1"], typing.Member?.Roles);
        Assert.Equal("""{"channel_id":"7","timestamp":5,"member":{"roles":["1"]}}""", Encoding.UTF8.GetString(dispatch.Data.Span));
        Assert.Equal("TYPING_START", Encoding.UTF8.GetString(dispatch.EventName.Span));
        Assert.Equal((12, 2, "abc"), (dispatch.Sequence, dispatch.ShardId, dispatch.SessionId));
    }

    [Fact]
    public void Truncated_data_throws_a_decode_exception_when_used()
    {
        var payload = """{"t":"TYPING_START","s":12,"op":0,"d":{"channel_id":"7","timest"""u8.ToArray();
        var dispatch = GatewayEnvelope.Read(payload).ToDispatch(payload, shardId: 0, sessionId: null);

        Assert.Throws<GatewayDecodeException>(() => dispatch.Deserialize(TestJsonContext.Default.TypingStart));
        Assert.Throws<GatewayDecodeException>(() => dispatch.Data);
    }

    public sealed class TypingStart
    {
        public string ChannelId { get; init; } = "";

        public long Timestamp { get; init; }

        public TypingMember? Member { get; init; }
    }

    public sealed class TypingMember
    {
        public IReadOnlyList<string> Roles { get; init; } = [];
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(TypingStart))]
    internal sealed partial class TestJsonContext : JsonSerializerContext;
}

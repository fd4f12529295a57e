using System.Text.Json;
using System.Text.Json.Serialization;
using Disgo.Models;
using Disgo.Serialization;

namespace Disgo.Runtime.Tests.Models;

public sealed class DisgoJsonContextTests
{
    private sealed class NotAWireModel
    {
        public int Value { get; set; }
    }

    [Fact]
    public void Types_outside_the_context_are_refused_instead_of_falling_back_to_reflection()
    {
        Assert.Null(DisgoJsonContext.Default.GetTypeInfo(typeof(NotAWireModel)));
        Assert.Throws<NotSupportedException>(() => DisgoJsonContext.Default.Options.GetTypeInfo(typeof(NotAWireModel)));
    }

    [Fact]
    public void Options_are_snake_case_without_nulls_and_with_plain_numbers()
    {
        var options = DisgoJsonContext.Default.Options;

        Assert.Same(JsonNamingPolicy.SnakeCaseLower, options.PropertyNamingPolicy);
        Assert.Equal(JsonIgnoreCondition.WhenWritingNull, options.DefaultIgnoreCondition);
        Assert.Equal(JsonNumberHandling.Strict, options.NumberHandling);
        Assert.Equal(JsonUnmappedMemberHandling.Skip, options.UnmappedMemberHandling);
    }

    [Fact]
    public void Nulls_are_left_out_and_numbers_stay_numbers_when_writing()
    {
        var message = new Message
        {
            Id = new Snowflake(10),
            ChannelId = new Snowflake(20),
            Author = new User { Id = new Snowflake(30), Username = "u" },
            Content = "hi",
            Timestamp = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Type = MessageType.Reply,
            Flags = MessageFlags.Ephemeral,
        };

        var json = JsonSerializer.Serialize(message, DisgoJsonContext.Default.Message);

        Assert.Equal(
            """{"id":"10","channel_id":"20","author":{"id":"30","username":"u","bot":false},"content":"hi","timestamp":"2024-01-02T03:04:05+00:00","tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":19,"flags":64}""",
            json);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_skipped()
    {
        var user = JsonSerializer.Deserialize(
            """{"id":"30","future_field":{"deep":[1,{"x":null},"y"]},"username":"u","another":[[]],"bot":true,"flag":false}""",
            DisgoJsonContext.Default.User)!;

        Assert.Equal((new Snowflake(30), "u", true), (user.Id, user.Username, user.Bot));
    }

    [Fact]
    public void Wrong_types_in_strict_fields_fail_with_a_JSON_error_giving_the_path()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"id":"1","channel_id":"2","author":{"id":true}}""", DisgoJsonContext.Default.Message));

        Assert.Equal("$.author.id", error.Path);
        Assert.Contains("snowflake", error.Message, StringComparison.Ordinal);
    }
}

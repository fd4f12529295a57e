using System.Text;
using System.Text.Json;
using Disgo.Gateway;
using Disgo.Gateway.Dispatch;
using Disgo.Models;
using Disgo.Serialization;

namespace Disgo.Runtime.Tests.Models;

/// <summary>
/// The single-pass <see cref="Message"/> reader behind <c>DisgoJsonContext.Default.Message</c>: it must read exactly what
/// the plain source-generated metadata reads, with clear errors, while allocating only the model.
/// </summary>
public sealed class MessageJsonConverterTests
{
    private const string EveryField = """
        {
          "id": "11", "channel_id": "12", "guild_id": "13", "webhook_id": "14", "type": 19, "flags": 4, "channel_type": 11,
          "content": "hello", "timestamp": "2024-01-02T03:04:05.678+00:00", "edited_timestamp": "2024-01-02T03:05:00+00:00",
          "tts": true, "mention_everyone": true, "pinned": true, "nonce": "n-1",
          "author": { "id": "21", "username": "ann", "global_name": "Ann", "avatar": "a1", "bot": true },
          "member": {
            "user": { "id": "21", "username": "ann" }, "nick": "Annie", "avatar": "m1", "roles": ["31", "32"],
            "joined_at": "2020-05-06T07:08:09+00:00", "premium_since": "2021-05-06T07:08:09+00:00", "deaf": true, "mute": true,
            "flags": 2, "pending": true, "communication_disabled_until": "2030-01-01T00:00:00+00:00", "permissions": "8"
          },
          "mentions": [{ "id": "22", "username": "bob" }, { "id": "23", "username": "cat", "bot": true }],
          "mention_roles": ["31"],
          "attachments": [{ "id": "41", "filename": "a.png", "content_type": "image/png", "size": 5000000000, "url": "https://x/a.png", "height": 10, "width": 20 }],
          "embeds": [{
            "title": "T", "type": "rich", "description": "D", "url": "https://x", "timestamp": "2024-01-02T00:00:00+00:00", "color": 255,
            "footer": { "text": "F", "icon_url": "https://x/f" }, "image": { "url": "https://x/i", "height": 1, "width": 2 },
            "thumbnail": { "url": "https://x/t", "height": 3, "width": 4 }, "author": { "name": "A", "url": "https://x/a", "icon_url": "https://x/ai" },
            "fields": [{ "name": "k", "value": "v", "inline": true }]
          }],
          "message_reference": { "type": 1, "message_id": "51", "channel_id": "52", "guild_id": "53" }
        }
        """;

    private static Message Read(string json) => JsonSerializer.Deserialize(json, DisgoJsonContext.Default.Message)!;

    [Fact]
    public void Every_field_is_read()
    {
        var message = Read(EveryField);

        Assert.Equal((new Snowflake(11), new Snowflake(12), new Snowflake(13), new Snowflake(14)), (message.Id, message.ChannelId, message.GuildId, message.WebhookId));
        Assert.Equal((MessageType.Reply, MessageFlags.SuppressEmbeds, ChannelType.PublicThread), (message.Type, message.Flags, message.ChannelType));
        Assert.Equal("hello", message.Content);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 5, 0, TimeSpan.Zero), message.EditedTimestamp);
        Assert.Equal((true, true, true, "n-1"), (message.Tts, message.MentionEveryone, message.Pinned, message.Nonce));
        Assert.Equal((new Snowflake(21), "ann", "Ann", "a1", true), (message.Author.Id, message.Author.Username, message.Author.GlobalName, message.Author.Avatar, message.Author.Bot));

        var member = message.Member!;
        Assert.Equal((new Snowflake(21), "Annie", "m1"), (member.User!.Id, member.Nick, member.Avatar));
        Assert.Equal([new Snowflake(31), new Snowflake(32)], member.Roles);
        Assert.Equal(new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero), member.JoinedAt);
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 7, 8, 9, TimeSpan.Zero), member.PremiumSince);
        Assert.Equal((true, true, 2, true, "8"), (member.Deaf, member.Mute, member.Flags, member.Pending, member.Permissions));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), member.CommunicationDisabledUntil);

        Assert.Equal([("bob", false), ("cat", true)], message.Mentions.Select(user => (user.Username, user.Bot)));
        Assert.Equal([new Snowflake(31)], message.MentionRoles);

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal((new Snowflake(41), "a.png", "image/png", 5_000_000_000L, "https://x/a.png", 10, 20),
            (attachment.Id, attachment.Filename, attachment.ContentType, attachment.Size, attachment.Url, attachment.Height, attachment.Width));

        var embed = Assert.Single(message.Embeds);
        Assert.Equal(("T", "rich", "D", "https://x", 255), (embed.Title, embed.Type, embed.Description, embed.Url, embed.Color));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), embed.Timestamp);
        Assert.Equal(("F", "https://x/f"), (embed.Footer!.Text, embed.Footer.IconUrl));
        Assert.Equal(("https://x/i", 1, 2), (embed.Image!.Url, embed.Image.Height, embed.Image.Width));
        Assert.Equal(("https://x/t", 3, 4), (embed.Thumbnail!.Url, embed.Thumbnail.Height, embed.Thumbnail.Width));
        Assert.Equal(("A", "https://x/a", "https://x/ai"), (embed.Author!.Name, embed.Author.Url, embed.Author.IconUrl));
        Assert.Equal(("k", "v", true), (embed.Fields![0].Name, embed.Fields[0].Value, embed.Fields[0].Inline));

        var reference = message.MessageReference!;
        Assert.Equal((1, new Snowflake(51), new Snowflake(52), new Snowflake(53)), (reference.Type, reference.MessageId, reference.ChannelId, reference.GuildId));
    }

    [Theory]
    [InlineData("message_create.json")]
    [InlineData("message_create_reply.json")]
    public void Fixtures_read_exactly_as_the_plain_source_generated_metadata_reads_them(string fixture)
    {
        var data = GatewayFrame.Load(fixture).Data.Span;

        var onePass = JsonSerializer.Serialize(JsonSerializer.Deserialize(data, DisgoJsonContext.Default.Message)!, PlainMetadataContext.Default.Message);
        var plain = JsonSerializer.Serialize(JsonSerializer.Deserialize(data, PlainMetadataContext.Default.Message)!, PlainMetadataContext.Default.Message);

        Assert.Equal(plain, onePass);
    }

    [Fact]
    public void Every_field_is_written_back_as_read()
    {
        var written = JsonSerializer.Serialize(Read(EveryField), DisgoJsonContext.Default.Message);

        Assert.Equal(written, JsonSerializer.Serialize(Read(written), DisgoJsonContext.Default.Message));
        Assert.Contains("\"size\":5000000000", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fields_keep_their_defaults()
    {
        var message = Read("{}");

        Assert.Equal(default, message.Id);
        Assert.Null(message.GuildId);
        Assert.Null(message.Author);
        Assert.Null(message.Member);
        Assert.Equal("", message.Content);
        Assert.Empty(message.Mentions);
        Assert.Empty(message.MentionRoles);
        Assert.Empty(message.Attachments);
        Assert.Empty(message.Embeds);
        Assert.Null(message.Nonce);
        Assert.Null(message.ChannelType);
        Assert.Null(message.MessageReference);
    }

    [Fact]
    public void Null_reads_as_null_where_allowed_and_as_the_default_elsewhere()
    {
        var message = Read("""
            {"id":"1","guild_id":null,"webhook_id":null,"author":null,"member":null,"content":null,"timestamp":null,"edited_timestamp":null,
             "tts":null,"type":null,"flags":null,"channel_type":null,"nonce":null,"message_reference":null,
             "mentions":null,"mention_roles":[null,"5"],"attachments":[null],
             "embeds":[{"title":null,"footer":null,"image":null,"fields":null,"color":null}]}
            """);

        Assert.Equal(new Snowflake(1), message.Id);
        Assert.Null(message.GuildId);
        Assert.Null(message.WebhookId);
        Assert.Null(message.Author);
        Assert.Null(message.Member);
        Assert.Equal("", message.Content);
        Assert.Equal(default, message.Timestamp);
        Assert.Null(message.EditedTimestamp);
        Assert.False(message.Tts);
        Assert.Equal((MessageType.Default, MessageFlags.None), (message.Type, message.Flags));
        Assert.Null(message.ChannelType);
        Assert.Null(message.Nonce);
        Assert.Null(message.MessageReference);
        Assert.Empty(message.Mentions);
        Assert.Equal([new Snowflake(5)], message.MentionRoles);
        Assert.Empty(message.Attachments);
        var embed = Assert.Single(message.Embeds);
        Assert.Equal((null, null, null, null, null), (embed.Title, embed.Footer, embed.Image, embed.Fields, embed.Color));
    }

    [Fact]
    public void Unknown_properties_of_any_shape_are_skipped_and_escaped_names_still_match()
    {
        var message = Read("""
            {"future":{"deep":[1,{"x":null},"y"]},"\u0069d":"7","components":[[]],"content":"c\u00e9","author":{"clan":{"tag":"x"},"username":"u","id":"8"},
             "referenced_message":{"id":"9","author":{"id":"10"}},"a_very_long_property_name_that_is_escaped_\u0078\u0078\u0078_and_longer_than_sixty_four_bytes":1}
            """);

        Assert.Equal(new Snowflake(7), message.Id);
        Assert.Equal("cé", message.Content);
        Assert.Equal((new Snowflake(8), "u"), (message.Author.Id, message.Author.Username));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("1.5", "1.5")]
    [InlineData("{\"a\":1}", null)]
    [InlineData("[1]", null)]
    public void Nonce_is_read_leniently_as_before(string nonceJson, string? expected)
    {
        Assert.Equal(expected, Read($$"""{"id":"1","nonce":{{nonceJson}},"content":"after"}""").Nonce);
    }

    [Theory]
    [InlineData("""{"content":5}""", "$.content", "Expected a string, got a number")]
    [InlineData("""{"author":{"id":true}}""", "$.author.id", "snowflake")]
    [InlineData("""{"author":"ann"}""", "$.author", "Expected an object, got a string")]
    [InlineData("""{"timestamp":"yesterday"}""", "$.timestamp", "ISO 8601")]
    [InlineData("""{"tts":"yes"}""", "$.tts", "Expected a boolean")]
    [InlineData("""{"flags":1.5}""", "$.flags", "32-bit integer")]
    [InlineData("""{"type":"19"}""", "$.type", "Expected a 32-bit integer, got a string")]
    [InlineData("""{"mentions":{}}""", "$.mentions", "Expected an array")]
    [InlineData("""{"mentions":[{"id":"1"},{"id":"2","username":[]}]}""", "$.mentions[1].username", "Expected a string, got an array")]
    [InlineData("""{"mention_roles":["1","x"]}""", "$.mention_roles[1]", "snowflake")]
    [InlineData("""{"member":{"roles":[{}]}}""", "$.member.roles[0]", "snowflake")]
    [InlineData("""{"attachments":[{"size":"big"}]}""", "$.attachments[0].size", "64-bit integer")]
    [InlineData("""{"embeds":[{"fields":[{"inline":"yes"}]}]}""", "$.embeds[0].fields[0].inline", "Expected a boolean")]
    [InlineData("""{"embeds":[{"footer":{"text":1}}]}""", "$.embeds[0].footer.text", "Expected a string")]
    [InlineData("""{"message_reference":{"message_id":{}}}""", "$.message_reference.message_id", "snowflake")]
    public void Wrong_types_fail_with_a_JSON_error_naming_the_path(string json, string path, string problem)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"Path: {path}.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"1","content":"x""")]
    [InlineData("""{"id":"1",]""")]
    [InlineData("[]")]
    public void Malformed_or_misshapen_data_fails_with_a_JSON_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }

    [Fact]
    public void A_dispatch_whose_message_has_a_wrong_type_fails_with_a_decode_error_giving_event_and_path()
    {
        var dispatch = new GatewayDispatch("MESSAGE_CREATE"u8.ToArray(), Encoding.UTF8.GetBytes("""{"id":"1","author":{"id":"2","bot":"no"}}"""), 7, 0, "s");

        var error = Assert.Throws<GatewayDecodeException>(() => dispatch.Deserialize(DisgoJsonContext.Default.Message));

        Assert.Contains("MESSAGE_CREATE (sequence 7)", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.author.bot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_typical_message_allocates_only_the_model_well_under_one_kilobyte()
    {
        var data = Encoding.UTF8.GetBytes("""
            {"type":0,"tts":false,"timestamp":"2026-01-05T10:11:12.345000+00:00","referenced_message":null,"pinned":false,"nonce":"1326000000000000001",
             "mentions":[],"mention_roles":[],"mention_everyone":false,
             "member":{"roles":["1300000000000000001","1300000000000000002"],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2021-03-04T05:06:07.890000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null},
             "id":"1326000000000000000","flags":0,"embeds":[],"edited_timestamp":null,"content":"deploy the shard is green again after resume","components":[],"channel_type":0,"channel_id":"1187000000000000000",
             "author":{"username":"abcdefgh","public_flags":0,"primary_guild":null,"id":"1300000000000000000","global_name":"abcdefgh","discriminator":"0","collectibles":null,"clan":null,"avatar_decoration_data":null,"avatar":"0123456789abcdef0123456789abcdef"},
             "attachments":[],"guild_id":"1186999999999999999"}
            """);
        var dispatch = new GatewayDispatch("MESSAGE_CREATE"u8.ToArray(), data, 1, 0, "s");
        dispatch.Deserialize(DisgoJsonContext.Default.Message);

        var least = long.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            dispatch.Deserialize(DisgoJsonContext.Default.Message);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.InRange(least, 1, 1024);
    }
}

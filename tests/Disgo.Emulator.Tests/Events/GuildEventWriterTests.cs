using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.Events;
using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Tests.Events;

public sealed class GuildEventWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 3, 2, 1, 123, TimeSpan.Zero);
    private readonly EmulatedWorld _world = new(new EmulatorOptions { GuildCount = 10, MembersPerGuild = 50, ChannelsPerGuild = 3 });

    [Fact]
    public void Message_create_is_a_realistic_message_object_of_about_a_kilobyte()
    {
        var guild = _world.Guilds[7];
        var content = "Has anyone else noticed the new update changed how the inventory sorts items? I spent ten minutes looking.";

        var (json, size) = Write(w => GuildEventWriter.WriteMessageCreate(w, guild, 2, 13, 123456789012345678, content, Now));

        Assert.InRange(size, 800, 1400);
        Assert.Equal(123456789012345678UL, json.GetSnowflake("id"));
        Assert.Equal(guild.ChannelId(2), json.GetSnowflake("channel_id"));
        Assert.Equal(guild.Id, json.GetSnowflake("guild_id"));
        Assert.Equal(content, json.GetProperty("content").GetString());
        Assert.Equal(0, json.GetProperty("type").GetInt32());
        Assert.Equal("2026-05-04T03:02:01.123000+00:00", json.GetProperty("timestamp").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("edited_timestamp").ValueKind);
        foreach (var array in new[] { "mentions", "mention_roles", "attachments", "embeds", "components" })
            Assert.Equal(JsonValueKind.Array, json.GetProperty(array).ValueKind);
        var author = json.GetProperty("author");
        Assert.Equal(guild.MemberUserId(13), author.GetSnowflake("id"));
        Assert.Equal(guild.MemberUsername(13), author.GetProperty("username").GetString());
        Assert.False(author.TryGetProperty("bot", out _));
        var member = json.GetProperty("member");
        Assert.False(member.TryGetProperty("user", out _), "MESSAGE_CREATE's member omits the user: it is the author");
        Assert.Equal(guild.MemberJoinedAt(13), DateTimeOffset.Parse(member.GetProperty("joined_at").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Message_content_is_escaped_as_json()
    {
        var (json, _) = Write(w => GuildEventWriter.WriteMessageCreate(w, _world.Guilds[0], 0, 1, 1, "quote \" backslash \\ newline \n emoji \U0001F600", Now));

        Assert.Equal("quote \" backslash \\ newline \n emoji \U0001F600", json.GetProperty("content").GetString());
    }

    [Fact]
    public void Typing_start_carries_the_member_with_its_user_and_a_unix_timestamp()
    {
        var guild = _world.Guilds[3];

        var (json, _) = Write(w => GuildEventWriter.WriteTypingStart(w, guild, 1, 4, Now));

        Assert.Equal(guild.ChannelId(1), json.GetSnowflake("channel_id"));
        Assert.Equal(guild.Id, json.GetSnowflake("guild_id"));
        Assert.Equal(guild.MemberUserId(4), json.GetSnowflake("user_id"));
        Assert.Equal(Now.ToUnixTimeSeconds(), json.GetProperty("timestamp").GetInt64());
        Assert.Equal(guild.MemberUserId(4), json.GetProperty("member").GetProperty("user").GetSnowflake("id"));
    }

    [Fact]
    public void Reaction_add_names_the_message_its_author_and_the_emoji()
    {
        var guild = _world.Guilds[5];

        var (json, _) = Write(w => GuildEventWriter.WriteMessageReactionAdd(w, guild, 0, 9, 42, 8));

        Assert.Equal(42UL, json.GetSnowflake("message_id"));
        Assert.Equal(guild.MemberUserId(8), json.GetSnowflake("message_author_id"));
        Assert.Equal(guild.MemberUserId(9), json.GetSnowflake("user_id"));
        Assert.Equal("\U0001F44D", json.GetProperty("emoji").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("emoji").GetProperty("id").ValueKind);
        Assert.False(json.GetProperty("burst").GetBoolean());
        Assert.Equal(0, json.GetProperty("type").GetInt32());
    }

    [Fact]
    public void The_bot_as_author_is_marked_as_a_bot()
    {
        var guild = _world.Guilds[0];

        var (json, _) = Write(w => GuildEventWriter.WriteMessageCreate(w, guild, 0, 0, 1, "hi", Now));

        Assert.True(json.GetProperty("author").GetProperty("bot").GetBoolean());
        Assert.Equal(_world.BotUserId, json.GetProperty("author").GetSnowflake("id"));
    }

    private static (JsonElement Json, int Size) Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return (JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone(), buffer.WrittenCount);
    }
}

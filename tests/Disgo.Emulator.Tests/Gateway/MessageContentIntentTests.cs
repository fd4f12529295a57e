using System.Globalization;
using System.Text;
using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.Tests.Rest;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// The MESSAGE_CONTENT intent (gateway.mdx "Message Content Intent", message.mdx): without it a session gets
/// <c>content</c>, <c>embeds</c>, <c>attachments</c> and <c>components</c> empty and no <c>poll</c> in guild message
/// events, except for messages the bot wrote, messages that mention the bot, and DMs.
/// </summary>
public sealed class MessageContentIntentTests
{
    private const long WithoutContent = Intent.Guilds | Intent.GuildMessages | Intent.DirectMessages;
    private const long WithContent = WithoutContent | Intent.MessageContent;

    [Fact]
    public async Task A_session_without_message_content_gets_a_members_message_with_empty_content()
    {
        await using var harness = await StartAsync();
        var (without, with) = await IdentifyBothAsync(harness);
        var guild = harness.Emulator.World.Guilds[0];

        harness.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), "a secret");

        var stripped = (await without.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D;
        var full = (await with.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D;
        Assert.Equal("", stripped.GetProperty("content").GetString());
        Assert.Equal("a secret", full.GetProperty("content").GetString());
        Assert.Equal(full.GetSnowflake("id"), stripped.GetSnowflake("id"));
        Assert.Equal(full.GetProperty("author").GetRawText(), stripped.GetProperty("author").GetRawText());
    }

    [Theory]
    [InlineData("MESSAGE_CREATE")]
    [InlineData("MESSAGE_UPDATE")]
    public async Task Without_message_content_embeds_attachments_and_components_are_empty_and_the_poll_is_left_out(string eventName)
    {
        await using var harness = await StartAsync();
        var (without, with) = await IdentifyBothAsync(harness);
        var guild = harness.Emulator.World.Guilds[0];
        var data = RichMessage(guild.Id, authorId: 3, mentionedId: 4);

        Assert.Equal(2, harness.Emulator.Gateway.Dispatch(eventName, data, guild.Id));

        var stripped = (await without.Client.ReceiveDispatchAsync(eventName)).D;
        var full = (await with.Client.ReceiveDispatchAsync(eventName)).D;
        Assert.Equal(Encoding.UTF8.GetString(data), full.GetRawText());
        Assert.Equal("", stripped.GetProperty("content").GetString());
        foreach (var emptied in new[] { "embeds", "attachments", "components" })
            Assert.Equal(0, stripped.GetProperty(emptied).GetArrayLength());
        Assert.False(stripped.TryGetProperty("poll", out _));
        Assert.Equal(
            full.EnumerateObject().Where(p => p.Name != "poll").Select(p => p.Name),
            stripped.EnumerateObject().Select(p => p.Name));
        Assert.Equal(full.GetProperty("mentions").GetRawText(), stripped.GetProperty("mentions").GetRawText());
    }

    [Fact]
    public async Task A_message_that_mentions_the_bot_keeps_its_content_without_the_intent()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(intents: WithoutContent);
        var guild = harness.Emulator.World.Guilds[0];
        var botId = harness.Emulator.World.BotUserId;

        harness.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), $"<@{botId}> ping");
        harness.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), $"hey <@!{botId}>");
        harness.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), $"<@{botId}1> is someone else");

        var plain = (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D;
        var nickname = (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D;
        var other = (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D;
        Assert.Equal($"<@{botId}> ping", plain.GetProperty("content").GetString());
        Assert.Equal(botId, Assert.Single(plain.GetProperty("mentions").EnumerateArray()).GetSnowflake("id"));
        Assert.Equal($"hey <@!{botId}>", nickname.GetProperty("content").GetString());
        Assert.Equal("", other.GetProperty("content").GetString());
        Assert.Equal(0, other.GetProperty("mentions").GetArrayLength());
    }

    [Fact]
    public async Task A_dispatched_message_listing_the_bot_in_mentions_keeps_everything_without_the_intent()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(intents: WithoutContent);
        var guild = harness.Emulator.World.Guilds[0];
        var data = RichMessage(guild.Id, authorId: 3, mentionedId: harness.Emulator.World.BotUserId);

        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", data, guild.Id);

        Assert.Equal(Encoding.UTF8.GetString(data), (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D.GetRawText());
    }

    [Fact]
    public async Task The_bots_own_messages_keep_their_content_without_the_intent()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(intents: WithoutContent);
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var created = await RestCall.CreateMessageAsync(harness, channel, "posted by the bot");
        var edited = await RestCall.BotAsync(
            harness, HttpMethod.Patch, $"/channels/{channel}/messages/{created.Json.GetSnowflake("id")}", """{"content":"edited by the bot"}""");

        Assert.Equal(created.Body, (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D.GetRawText());
        Assert.Equal(edited.Body, (await session.Client.ReceiveDispatchAsync("MESSAGE_UPDATE")).D.GetRawText());
        Assert.Equal("edited by the bot", edited.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Direct_messages_keep_their_content_without_the_intent()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(intents: WithoutContent);
        var data = RichMessage(guildId: null, authorId: 3, mentionedId: 4);

        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", data, guildId: null);

        Assert.Equal(Encoding.UTF8.GetString(data), (await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE")).D.GetRawText());
    }

    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o =>
    {
        o.GuildCount = 2;
        o.HeartbeatInterval = TimeSpan.FromHours(1);
    });

    private static async Task<(IdentifiedSession Without, IdentifiedSession With)> IdentifyBothAsync(EmulatorHarness harness)
    {
        var without = await harness.IdentifyAsync(intents: WithoutContent);
        harness.Advance(harness.Options.IdentifyWindow);
        return (without, await harness.IdentifyAsync(intents: WithContent));
    }

    /// <summary>A message with every field the intent governs filled in, shaped like Discord's example message.</summary>
    private static byte[] RichMessage(ulong? guildId, ulong authorId, ulong mentionedId)
    {
        var guild = guildId is { } id ? $"\"guild_id\":\"{id.ToString(CultureInfo.InvariantCulture)}\"," : "";
        var json = $$$"""
            {"id":"10","channel_id":"20",{{{guild}}}"author":{"id":"{{{authorId}}}","username":"someone"},"content":"look at this","timestamp":"2026-01-01T00:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[{"id":"{{{mentionedId}}}","username":"mentioned"}],"mention_roles":[],"attachments":[{"id":"30","filename":"a.png","size":1,"url":"https://cdn.example/a.png","proxy_url":"https://cdn.example/a.png"}],"embeds":[{"title":"an embed","description":"text"}],"components":[{"type":1,"components":[{"type":2,"style":1,"label":"Go","custom_id":"go"}]}],"poll":{"question":{"text":"which?"},"answers":[{"answer_id":1,"poll_media":{"text":"this"}}],"expiry":null,"allow_multiselect":false,"layout_type":1},"pinned":false,"type":0}
            """;
        return Encoding.UTF8.GetBytes(json);
    }
}

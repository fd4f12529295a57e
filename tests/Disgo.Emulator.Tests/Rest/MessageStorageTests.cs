using System.Net;
using System.Text.Json;
using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Tests.Rest;

public sealed class MessageStorageTests
{
    private const long ReactionIntents = EmulatorHarness.DefaultIntents | (1 << 10);

    [Fact]
    public async Task A_created_message_is_stored_as_the_bots_and_its_message_create_reaches_only_the_owning_shard()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.MaxConcurrency = 2);
        var shard0 = await harness.IdentifyAsync([0, 2]);
        var shard1 = await harness.IdentifyAsync([1, 2]);
        var world = harness.Emulator.World;
        var onShard1 = world.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 1);
        var onShard0 = world.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 0);

        var call = await RestCall.CreateMessageAsync(harness, onShard1.ChannelId(1), "hello shard one");
        await RestCall.CreateMessageAsync(harness, onShard0.ChannelId(0), "hello shard zero");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        var id = call.Json.GetSnowflake("id");
        var stored = world.Messages.Find(id)!;
        Assert.Equal((onShard1.ChannelId(1), world.BotUserId, "hello shard one"), (stored.ChannelId, stored.AuthorId, stored.Content));
        Assert.Equal(harness.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(world.BotUserId, call.Json.GetProperty("author").GetSnowflake("id"));
        Assert.True(call.Json.GetProperty("author").GetProperty("bot").GetBoolean());

        var dispatched = await shard1.Client.ReceiveDispatchAsync("MESSAGE_CREATE");
        Assert.Equal(call.Body, dispatched.D.GetRawText());
        var first0 = await shard0.Client.ReceiveDispatchAsync("MESSAGE_CREATE");
        Assert.Equal("hello shard zero", first0.D.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_reply_to_a_members_message_is_type_19_with_its_reference()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[0];
        var ping = harness.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), "!ping");

        var call = await RestCall.BotAsync(
            harness, HttpMethod.Post, $"/channels/{guild.ChannelId(0)}/messages", $$$"""{"content":"pong","message_reference":{"message_id":"{{{ping}}}"}}""");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(19, call.Json.GetProperty("type").GetInt32());
        Assert.Equal(ping, call.Json.GetProperty("message_reference").GetSnowflake("message_id"));
        Assert.Equal(ping, harness.Emulator.World.Messages.Find(call.Json.GetSnowflake("id"))!.ReferencedMessageId);
    }

    [Fact]
    public async Task A_reply_to_an_unknown_message_fails_unless_told_not_to()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var failed = await RestCall.BotAsync(harness, HttpMethod.Post, $"/channels/{channel}/messages", """{"content":"pong","message_reference":{"message_id":"42"}}""");
        var sent = await RestCall.BotAsync(
            harness, HttpMethod.Post, $"/channels/{channel}/messages", """{"content":"pong","message_reference":{"message_id":"42","fail_if_not_exists":false}}""");

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Equal("REPLIES_UNKNOWN_MESSAGE", failed.Json.GetProperty("errors").GetProperty("message_reference").GetProperty("_errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal(0, sent.Json.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Edit_delete_and_reaction_are_stored_and_dispatched()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(intents: ReactionIntents);
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        var id = (await RestCall.CreateMessageAsync(harness, channel, "first")).Json.GetProperty("id").GetString();
        harness.Advance(TimeSpan.FromSeconds(1));

        var edit = await RestCall.BotAsync(harness, HttpMethod.Patch, $"/channels/{channel}/messages/{id}", """{"content":"second"}""");
        var react = await RestCall.BotAsync(harness, HttpMethod.Put, $"/channels/{channel}/messages/{id}/reactions/{Uri.EscapeDataString("\U0001F44D")}/@me");
        harness.Advance(TimeSpan.FromMilliseconds(250)); // reactions allow one per 250 ms
        var reactAgain = await RestCall.BotAsync(harness, HttpMethod.Put, $"/channels/{channel}/messages/{id}/reactions/{Uri.EscapeDataString("\U0001F44D")}/@me");
        var delete = await RestCall.BotAsync(harness, HttpMethod.Delete, $"/channels/{channel}/messages/{id}");

        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal("second", edit.Json.GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.String, edit.Json.GetProperty("edited_timestamp").ValueKind);
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], new[] { react.Status, reactAgain.Status, delete.Status });
        Assert.Equal("", delete.Body);
        Assert.Null(harness.Emulator.World.Messages.Find(ulong.Parse(id!, System.Globalization.CultureInfo.InvariantCulture)));

        var events = await session.Client.CollectUntilAsync(p => p.IsDispatch("MESSAGE_DELETE"));
        var dispatches = events.Where(p => p.Op == Opcode.Dispatch).ToList();
        Assert.Equal(["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_REACTION_ADD", "MESSAGE_DELETE"], dispatches.Select(p => p.T));
        Assert.Equal(edit.Body, dispatches[1].D.GetRawText());
        Assert.Equal("\U0001F44D", dispatches[2].D.GetProperty("emoji").GetProperty("name").GetString());
        Assert.Equal(harness.Emulator.World.BotUserId, dispatches[2].D.GetSnowflake("user_id"));
        Assert.Equal(id, dispatches[3].D.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("thumbsup")]
    [InlineData("custom:123456789012345678")]
    public async Task Reactions_with_unknown_emoji_are_10014(string emoji)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        var id = (await RestCall.CreateMessageAsync(harness, channel)).Json.GetProperty("id").GetString();

        var call = await RestCall.BotAsync(harness, HttpMethod.Put, $"/channels/{channel}/messages/{id}/reactions/{Uri.EscapeDataString(emoji)}/@me");

        Assert.Equal((HttpStatusCode.BadRequest, 10014), (call.Status, call.Json.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Get_channel_and_get_guild_member_describe_the_world()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[2];
        var last = (await RestCall.CreateMessageAsync(harness, guild.ChannelId(0))).Json.GetProperty("id").GetString();

        var channel = await RestCall.BotAsync(harness, HttpMethod.Get, $"/channels/{guild.ChannelId(0)}");
        var member = await RestCall.BotAsync(harness, HttpMethod.Get, $"/guilds/{guild.Id}/members/{guild.MemberUserId(3)}");
        var bot = await RestCall.BotAsync(harness, HttpMethod.Get, $"/guilds/{guild.Id}/members/{harness.Emulator.World.BotUserId}");
        var stranger = await RestCall.BotAsync(harness, HttpMethod.Get, $"/guilds/{guild.Id}/members/{harness.Emulator.World.Guilds[3].MemberUserId(3)}");

        Assert.Equal(("general", guild.Id, last), (channel.Json.GetProperty("name").GetString(), channel.Json.GetSnowflake("guild_id"), channel.Json.GetProperty("last_message_id").GetString()));
        Assert.Equal(guild.MemberUsername(3), member.Json.GetProperty("user").GetProperty("username").GetString());
        Assert.True(bot.Json.GetProperty("user").GetProperty("bot").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
    }

    [Fact]
    public void Member_indexes_invert_member_user_ids()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 5, MembersPerGuild = 40 });
        var guild = world.Guilds[3];

        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(i, guild.MemberIndexOf(guild.MemberUserId(i))));
        Assert.Equal(-1, guild.MemberIndexOf(world.Guilds[2].MemberUserId(39)));
        Assert.Equal(-1, guild.MemberIndexOf(world.Guilds[4].MemberUserId(1)));
        Assert.Equal(-1, guild.MemberIndexOf(guild.ChannelId(0)));
    }
}

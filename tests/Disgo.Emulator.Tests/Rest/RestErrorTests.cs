using System.Net;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class RestErrorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bot wrong-token")]
    [InlineData("Bearer disgo-emulator-token")]
    public async Task Create_message_without_the_bot_token_is_401_counted_as_invalid_and_stores_nothing(string? authorization)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var call = await RestCall.SendAsync(HttpMethod.Post, $"{harness.Emulator.RestBaseUrl}/channels/{channel}/messages", authorization, """{"content":"hi"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, call.Status);
        Assert.Equal("""{"message":"401: Unauthorized","code":0}""", call.Body);
        Assert.False(call.HasHeader("X-RateLimit-Bucket"));
        Assert.Equal(0, harness.Emulator.World.Messages.Count);
        Assert.Equal(1, harness.Emulator.Rest.InvalidRequestsInWindow);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.RestInvalidRequest));
    }

    [Fact]
    public async Task An_empty_message_is_50006_and_keeps_the_rate_limit_headers()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var call = await RestCall.BotAsync(harness, HttpMethod.Post, $"/channels/{channel}/messages", """{"content":""}""");

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Equal("""{"message":"Cannot send an empty message","code":50006}""", call.Body);
        Assert.Equal("4", call.Header("X-RateLimit-Remaining"));
        Assert.Equal(0, harness.Emulator.Rest.InvalidRequestsInWindow);
    }

    [Fact]
    public async Task Content_over_2000_characters_is_invalid_form_body_naming_the_field()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var call = await RestCall.CreateMessageAsync(harness, channel, new string('a', 2001));

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Equal(
            """{"message":"Invalid Form Body","code":50035,"errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""",
            call.Body);
    }

    [Theory]
    [InlineData("{\"content\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task A_body_that_is_not_json_is_50109(string body)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var call = await RestCall.BotAsync(harness, HttpMethod.Post, $"/channels/{channel}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Equal(50109, call.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_and_the_emulator_keeps_serving()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var huge = await RestCall.CreateMessageAsync(harness, channel, new string('a', 2 * 1024 * 1024));
        var fine = await RestCall.CreateMessageAsync(harness, channel);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, 40005), (huge.Status, huge.Json.GetProperty("code").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.Equal(1, harness.Emulator.World.Messages.Count);
    }

    [Fact]
    public async Task Unknown_channels_messages_guilds_and_members_are_404_with_discords_codes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[0];
        var channel = guild.ChannelId(0);

        var codes = new[]
        {
            await RestCall.CreateMessageAsync(harness, 123456789012345678),
            await RestCall.BotAsync(harness, HttpMethod.Patch, $"/channels/{channel}/messages/123456789012345678", """{"content":"x"}"""),
            await RestCall.BotAsync(harness, HttpMethod.Get, "/channels/123456789012345678"),
            await RestCall.BotAsync(harness, HttpMethod.Get, "/guilds/123456789012345678/members/1"),
            await RestCall.BotAsync(harness, HttpMethod.Get, $"/guilds/{guild.Id}/members/123456789012345678"),
        }.Select(c => (c.Status, c.Json.GetProperty("code").GetInt32()));

        Assert.Equal(
            [(HttpStatusCode.NotFound, 10003), (HttpStatusCode.NotFound, 10008), (HttpStatusCode.NotFound, 10003), (HttpStatusCode.NotFound, 10004), (HttpStatusCode.NotFound, 10007)],
            codes);
    }

    [Fact]
    public async Task A_path_id_that_is_not_a_snowflake_is_404()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.BotAsync(harness, HttpMethod.Post, "/channels/general/messages", """{"content":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, call.Status);
        Assert.Equal("""{"message":"404: Not Found","code":0}""", call.Body);
    }

    [Fact]
    public async Task Editing_or_deleting_a_members_message_is_403_and_counts_as_invalid()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[0];
        var channel = guild.ChannelId(0);
        var memberMessage = harness.Emulator.Events.EmitMessageCreate(guild.Id, channel, "mine");

        var edit = await RestCall.BotAsync(harness, HttpMethod.Patch, $"/channels/{channel}/messages/{memberMessage}", """{"content":"hijacked"}""");
        var delete = await RestCall.BotAsync(harness, HttpMethod.Delete, $"/channels/{channel}/messages/{memberMessage}");

        Assert.Equal((HttpStatusCode.Forbidden, 50005), (edit.Status, edit.Json.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Forbidden, 50013), (delete.Status, delete.Json.GetProperty("code").GetInt32()));
        Assert.Equal("mine", harness.Emulator.World.Messages.Find(memberMessage)!.Content);
        Assert.Equal(2, harness.Emulator.Rest.InvalidRequestsInWindow);
    }

    [Fact]
    public async Task A_known_route_with_the_wrong_method_is_405()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var call = await RestCall.BotAsync(harness, HttpMethod.Put, $"/channels/{channel}/messages/1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, call.Status);
        Assert.Equal("""{"message":"405: Method Not Allowed","code":0}""", call.Body);
    }
}

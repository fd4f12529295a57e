using System.Net;
using System.Text.Json;
using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Tests.Rest;

public sealed class InteractionRouteTests
{
    private static Task<RestCall> CallbackAsync(EmulatorHarness harness, EmulatedInteraction interaction, string body, string? token = null) =>
        RestCall.SendAsync(HttpMethod.Post, $"{harness.Emulator.RestBaseUrl}/interactions/{interaction.Id}/{token ?? interaction.Token}/callback", jsonBody: body);

    private static string WebhookUrl(EmulatorHarness harness, EmulatedInteraction interaction, string suffix = "") =>
        $"{harness.Emulator.RestBaseUrl}/webhooks/{interaction.ApplicationId}/{interaction.Token}{suffix}";

    [Fact]
    public async Task A_message_callback_posts_the_original_once_and_a_second_is_already_acknowledged()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[1];
        var session = await harness.IdentifyAsync();
        var interaction = harness.Emulator.Rest.CreateInteraction(guild.Id, guild.ChannelId(2));

        var first = await CallbackAsync(harness, interaction, """{"type":4,"data":{"content":"pong"}}""");
        var second = await CallbackAsync(harness, interaction, """{"type":4,"data":{"content":"pong again"}}""");

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal((HttpStatusCode.BadRequest, 40060), (second.Status, second.Json.GetProperty("code").GetInt32()));
        var original = harness.Emulator.World.Messages.Find(interaction.OriginalMessageId!.Value)!;
        Assert.Equal(("pong", guild.ChannelId(2), 0), (original.Content, original.ChannelId, original.AuthorIndex));
        Assert.Equal(4, interaction.ResponseType);
        var created = await session.Client.ReceiveDispatchAsync("MESSAGE_CREATE");
        Assert.Equal("pong", created.D.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_created_interaction_reaches_the_guilds_shard_with_its_token_and_registered_command()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.MaxConcurrency = 2);
        var shard0 = await harness.IdentifyAsync([0, 2]);
        var shard1 = await harness.IdentifyAsync([1, 2]);
        var guild = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 1);
        var other = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 0);
        var registered = await RestCall.BotAsync(
            harness, HttpMethod.Put, $"/applications/{harness.Emulator.World.ApplicationId}/commands", """[{"name":"ping","description":"Pong!"}]""");

        var interaction = harness.Emulator.Rest.CreateInteraction(guild.Id, guild.ChannelId(1));
        harness.Emulator.Rest.CreateInteraction(other.Id, commandName: "other");

        var created = (await shard1.Client.ReceiveDispatchAsync("INTERACTION_CREATE")).D;
        Assert.Equal((interaction.Id, interaction.Token, 2), (created.GetSnowflake("id"), created.GetProperty("token").GetString(), created.GetProperty("type").GetInt32()));
        Assert.Equal((guild.Id, guild.ChannelId(1)), (created.GetSnowflake("guild_id"), created.GetSnowflake("channel_id")));
        Assert.Equal(registered.Json[0].GetSnowflake("id"), created.GetProperty("data").GetSnowflake("id"));
        Assert.Equal("ping", created.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(guild.MemberUserId(1), created.GetProperty("member").GetProperty("user").GetSnowflake("id"));
        Assert.Equal(JsonValueKind.String, created.GetProperty("member").GetProperty("permissions").ValueKind);
        var first0 = (await shard0.Client.ReceiveDispatchAsync("INTERACTION_CREATE")).D;
        Assert.Equal("other", first0.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Callbacks_need_the_right_token_and_must_come_within_three_seconds()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[0];
        var interaction = harness.Emulator.Rest.CreateInteraction(guild.Id);
        var late = harness.Emulator.Rest.CreateInteraction(guild.Id);

        var wrongToken = await CallbackAsync(harness, interaction, """{"type":5}""", token: "not-the-token");
        harness.Advance(TimeSpan.FromSeconds(3.001));
        var tooLate = await CallbackAsync(harness, late, """{"type":5}""");

        Assert.Equal((HttpStatusCode.NotFound, 10062), (wrongToken.Status, wrongToken.Json.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.NotFound, 10062), (tooLate.Status, tooLate.Json.GetProperty("code").GetInt32()));
        Assert.Null(interaction.ResponseType);
    }

    [Theory]
    [InlineData("""{"type":1}""", 50035)]
    [InlineData("""{"type":4}""", 50006)]
    [InlineData("""{"type":4,"data":{"content":""}}""", 50006)]
    [InlineData("[]", 50035)]
    public async Task Bad_callbacks_are_400_and_leave_the_interaction_unanswered(string body, int code)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var interaction = harness.Emulator.Rest.CreateInteraction(harness.Emulator.World.Guilds[0].Id);

        var call = await CallbackAsync(harness, interaction, body);

        Assert.Equal((HttpStatusCode.BadRequest, code), (call.Status, call.Json.GetProperty("code").GetInt32()));
        Assert.Null(interaction.ResponseType);
    }

    [Fact]
    public async Task Follow_ups_are_created_edited_and_deleted_with_the_token_and_original_is_addressable()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var interaction = harness.Emulator.Rest.CreateInteraction(harness.Emulator.World.Guilds[0].Id);
        await CallbackAsync(harness, interaction, """{"type":5}""");

        var followup = await RestCall.SendAsync(HttpMethod.Post, WebhookUrl(harness, interaction), jsonBody: """{"content":"later"}""");
        var id = followup.Json.GetProperty("id").GetString();
        var edited = await RestCall.SendAsync(HttpMethod.Patch, WebhookUrl(harness, interaction, $"/messages/{id}"), jsonBody: """{"content":"edited"}""");
        var deleted = await RestCall.SendAsync(HttpMethod.Delete, WebhookUrl(harness, interaction, $"/messages/{id}"));
        var noOriginal = await RestCall.SendAsync(HttpMethod.Patch, WebhookUrl(harness, interaction, "/messages/@original"), jsonBody: """{"content":"x"}""");

        Assert.Equal(HttpStatusCode.OK, followup.Status);
        Assert.Equal("later", followup.Json.GetProperty("content").GetString());
        Assert.Equal("edited", edited.Json.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal((HttpStatusCode.NotFound, 10008), (noOriginal.Status, noOriginal.Json.GetProperty("code").GetInt32()));
        Assert.Equal(followup.Header("X-RateLimit-Bucket"), deleted.Header("X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task The_original_response_can_be_edited_through_the_webhook()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var interaction = harness.Emulator.Rest.CreateInteraction(harness.Emulator.World.Guilds[0].Id);
        await CallbackAsync(harness, interaction, """{"type":4,"data":{"content":"pong"}}""");

        var edited = await RestCall.SendAsync(HttpMethod.Patch, WebhookUrl(harness, interaction, "/messages/@original"), jsonBody: """{"content":"pong!"}""");

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal("pong!", harness.Emulator.World.Messages.Find(interaction.OriginalMessageId!.Value)!.Content);
    }

    [Fact]
    public async Task Unknown_and_expired_webhook_tokens_are_refused()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var interaction = harness.Emulator.Rest.CreateInteraction(harness.Emulator.World.Guilds[0].Id);

        var unknown = await RestCall.SendAsync(HttpMethod.Post, $"{harness.Emulator.RestBaseUrl}/webhooks/{interaction.ApplicationId}/nope", jsonBody: """{"content":"x"}""");
        var otherApp = await RestCall.SendAsync(HttpMethod.Post, $"{harness.Emulator.RestBaseUrl}/webhooks/42/{interaction.Token}", jsonBody: """{"content":"x"}""");
        harness.Advance(EmulatedInteraction.TokenLifetime + TimeSpan.FromSeconds(1));
        var expired = await RestCall.SendAsync(HttpMethod.Post, WebhookUrl(harness, interaction), jsonBody: """{"content":"x"}""");

        Assert.Equal((HttpStatusCode.NotFound, 10015), (unknown.Status, unknown.Json.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.NotFound, 10015), (otherApp.Status, otherApp.Json.GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Unauthorized, 50027), (expired.Status, expired.Json.GetProperty("code").GetInt32()));
    }
}

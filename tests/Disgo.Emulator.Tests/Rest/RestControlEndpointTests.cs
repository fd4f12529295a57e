using System.Net;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class RestControlEndpointTests
{
    private static Task<RestCall> ControlPostAsync(EmulatorHarness harness, string path, string body) =>
        RestCall.PostAsync(new Uri(harness.Emulator.BaseAddress, $"_emulator/rest/{path}").ToString(), body);

    private static Task<RestCall> ControlGetAsync(EmulatorHarness harness, string path) =>
        RestCall.GetAsync(new Uri(harness.Emulator.BaseAddress, $"_emulator/rest/{path}").ToString());

    [Fact]
    public async Task Faults_injected_over_http_hit_the_route()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var injected = await ControlPostAsync(harness, "faults", $$"""{"fault":"shared_429","route":"create_message","resource":"{{channel}}","times":2,"retry_after":0.5}""");
        var calls = new[] { await RestCall.CreateMessageAsync(harness, channel), await RestCall.CreateMessageAsync(harness, channel), await RestCall.CreateMessageAsync(harness, channel) };

        Assert.Equal("""{"fault":"shared_429","route":"create_message","times":2}""", injected.Body);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], calls.Select(c => c.Status));
        Assert.Equal("shared", calls[0].Header("X-RateLimit-Scope"));
    }

    [Theory]
    [InlineData("""{"fault":"explode","route":"create_message"}""", "Unknown fault")]
    [InlineData("""{"fault":"forbidden","route":"send_message"}""", "'route' must be one of")]
    [InlineData("""{"fault":"shared_429","route":"create_message"}""", "'retry_after'")]
    [InlineData("""{"fault":"server_error","route":"create_message","status":404}""", "'status'")]
    [InlineData("""{"fault":"delay","route":"create_message"}""", "'delay_ms'")]
    [InlineData("""{"fault":"forbidden","route":"create_message","times":0}""", "'times'")]
    [InlineData("""{"fault":"forbidden","route":"create_message","extra":1}""", "Unknown property 'extra'")]
    public async Task Bad_fault_requests_are_400_saying_what_is_wrong(string body, string expected)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await ControlPostAsync(harness, "faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Contains(expected, call.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_change_over_http_reports_the_new_bucket()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var changed = await ControlPostAsync(harness, "buckets", """{"route":"create_message","limit":2,"window_ms":250,"bucket":"abc123"}""");
        var call = await RestCall.CreateMessageAsync(harness, harness.Emulator.World.Guilds[0].ChannelId(0));

        Assert.Equal("""{"route":"create_message","bucket":"abc123","limit":2,"window_ms":250}""", changed.Body);
        Assert.Equal(("abc123", "2", "0.250"), (call.Header("X-RateLimit-Bucket"), call.Header("X-RateLimit-Limit"), call.Header("X-RateLimit-Reset-After")));
    }

    [Fact]
    public async Task Requests_invalid_counts_and_messages_are_readable_over_http()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        await RestCall.CreateMessageAsync(harness, channel, "kept");
        await RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway/bot", "Bot wrong");

        var requests = await ControlGetAsync(harness, "requests");
        var invalid = await ControlGetAsync(harness, "invalid");
        var messages = await ControlGetAsync(harness, $"messages?channel_id={channel}");
        var badChannel = await ControlGetAsync(harness, "messages?channel_id=1");

        Assert.Equal(2, requests.Json.GetArrayLength());
        Assert.Equal(("create_message", 200, false), (requests.Json[0].GetProperty("route").GetString(), requests.Json[0].GetProperty("status").GetInt32(), requests.Json[0].GetProperty("invalid").GetBoolean()));
        Assert.Equal((401, true), (requests.Json[1].GetProperty("status").GetInt32(), requests.Json[1].GetProperty("invalid").GetBoolean()));
        Assert.Equal((1, 1, 10_000), (invalid.Json.GetProperty("in_window").GetInt32(), invalid.Json.GetProperty("total").GetInt32(), invalid.Json.GetProperty("limit").GetInt32()));
        Assert.Equal("kept", Assert.Single(messages.Json.EnumerateArray()).GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.Status);
    }

    [Fact]
    public async Task An_interaction_created_over_http_can_be_answered()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[0];

        var created = await ControlPostAsync(harness, "interactions", $$"""{"guild_id":"{{guild.Id}}","channel_id":"{{guild.ChannelId(1)}}","name":"ping"}""");
        var id = created.Json.GetProperty("id").GetString();
        var token = created.Json.GetProperty("token").GetString();
        var callback = await RestCall.SendAsync(HttpMethod.Post, $"{harness.Emulator.RestBaseUrl}/interactions/{id}/{token}/callback", jsonBody: """{"type":5}""");
        var unknownGuild = await ControlPostAsync(harness, "interactions", """{"guild_id":"1"}""");

        Assert.Equal(guild.ChannelId(1), created.Json.GetSnowflake("channel_id"));
        Assert.Equal(HttpStatusCode.NoContent, callback.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknownGuild.Status);
    }
}

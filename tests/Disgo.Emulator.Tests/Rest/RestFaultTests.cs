using System.Net;
using System.Text.Json;
using Disgo.Emulator.Rest;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class RestFaultTests
{
    [Fact]
    public async Task A_shared_429_reports_the_bucket_without_using_it_and_then_the_route_works()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        await RestCall.CreateMessageAsync(harness, channel);
        harness.Emulator.Rest.Inject(new RestFault.SharedRateLimit(TimeSpan.FromSeconds(2.5)), ApiRoute.CreateMessage, channel);

        var shared = await RestCall.CreateMessageAsync(harness, channel);
        var next = await RestCall.CreateMessageAsync(harness, channel);

        Assert.Equal(HttpStatusCode.TooManyRequests, shared.Status);
        Assert.Equal("shared", shared.Header("X-RateLimit-Scope"));
        Assert.Equal("3", shared.Header("Retry-After"));
        Assert.Equal("4", shared.Header("X-RateLimit-Remaining"));
        Assert.Equal("""{"message":"You are being rate limited.","retry_after":2.5,"global":false,"code":0}""", shared.Body);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("3", next.Header("X-RateLimit-Remaining"));
        Assert.Equal(2, harness.Emulator.World.Messages.Count);
    }

    [Fact]
    public async Task A_fault_for_one_resource_leaves_others_alone_and_lasts_the_given_number_of_requests()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guild = harness.Emulator.World.Guilds[0];
        harness.Emulator.Rest.Inject(new RestFault.ServerError(503), ApiRoute.CreateMessage, guild.ChannelId(1), times: 2);

        var other = await RestCall.CreateMessageAsync(harness, guild.ChannelId(0));
        var first = await RestCall.CreateMessageAsync(harness, guild.ChannelId(1));
        var second = await RestCall.CreateMessageAsync(harness, guild.ChannelId(1));
        var third = await RestCall.CreateMessageAsync(harness, guild.ChannelId(1));

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("""{"message":"503: Service Unavailable","code":0}""", first.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(2, harness.Emulator.World.Messages.Count);
    }

    [Fact]
    public async Task An_html_error_page_is_not_json()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Rest.Inject(new RestFault.HtmlErrorPage(), ApiRoute.GetGatewayBot);

        var call = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(HttpStatusCode.BadGateway, call.Status);
        Assert.Equal("text/html", call.ContentType);
        Assert.StartsWith("<html>", call.Body, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", call.Body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(call.Body));
    }

    [Fact]
    public async Task Truncated_json_is_cut_in_half_after_the_request_took_effect()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        harness.Emulator.Rest.Inject(new RestFault.TruncatedJson(), ApiRoute.CreateMessage);

        var call = await RestCall.CreateMessageAsync(harness, channel, "stored anyway");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal("application/json", call.ContentType);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(call.Body));
        Assert.StartsWith("{\"type\":0", call.Body, StringComparison.Ordinal);
        Assert.Equal("stored anyway", Assert.Single(harness.Emulator.World.Messages.InChannel(channel)).Content);
        Assert.Equal("4", call.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_delayed_answer_comes_after_the_delay_on_the_emulators_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var started = harness.Time.GetUtcNow();
        harness.Emulator.Rest.Inject(new RestFault.Delay(TimeSpan.FromSeconds(30)), ApiRoute.GetGatewayBot);

        var pending = RestCall.GetGatewayBotAsync(harness);
        while (!pending.IsCompleted)
        {
            // Moving the clock is what releases the answer; the short wait only lets the request reach the emulator.
            await Task.Delay(5);
            harness.Advance(TimeSpan.FromSeconds(1));
        }

        var call = await pending.WaitAsync(RawGatewayClient.SafetyTimeout);
        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.True(Assert.Single(harness.Emulator.Rest.Requests).At - started >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_client_that_gives_up_on_a_delayed_answer_leaves_the_emulator_serving()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Rest.Inject(new RestFault.Delay(TimeSpan.FromHours(1)), ApiRoute.GetGatewayBot);
        using var impatient = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{harness.Emulator.RestBaseUrl}/gateway/bot");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bot {harness.Token}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(request, cancel.Token));
        var next = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task An_injected_403_is_missing_permissions()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Rest.Inject(new RestFault.Forbidden(), ApiRoute.GetChannel);

        var call = await RestCall.BotAsync(harness, HttpMethod.Get, $"/channels/{harness.Emulator.World.Guilds[0].ChannelId(0)}");

        Assert.Equal(HttpStatusCode.Forbidden, call.Status);
        Assert.Equal("""{"message":"Missing Permissions","code":50013}""", call.Body);
        Assert.Equal(1, harness.Emulator.Rest.InvalidRequestsInWindow);
    }

    [Fact]
    public void Faults_that_make_no_sense_are_refused()
    {
        var rest = new EmulatorServices(new EmulatorOptions()).Rest;

        Assert.Throws<ArgumentOutOfRangeException>(() => rest.Inject(new RestFault.ServerError(404), ApiRoute.GetChannel));
        Assert.Throws<ArgumentOutOfRangeException>(() => rest.Inject(new RestFault.SharedRateLimit(TimeSpan.Zero), ApiRoute.GetChannel));
        Assert.Throws<ArgumentOutOfRangeException>(() => rest.Inject(new RestFault.Forbidden(), ApiRoute.GetChannel, times: 0));
    }
}

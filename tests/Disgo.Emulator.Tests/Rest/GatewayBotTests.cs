using System.Globalization;
using System.Net;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Rest;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class GatewayBotTests
{
    [Fact]
    public async Task Get_gateway_bot_reports_the_gateway_url_shards_and_session_start_limit()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.GuildCount = 2_345;
            o.SessionStartTotal = 1000;
            o.MaxConcurrency = 16;
        });

        var call = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal("application/json", call.ContentType);
        var json = call.Json;
        Assert.Equal(harness.Emulator.GatewayUrl.ToString(), json.GetProperty("url").GetString());
        Assert.Equal(3, json.GetProperty("shards").GetInt32());
        var limit = json.GetProperty("session_start_limit");
        Assert.Equal(1000, limit.GetProperty("total").GetInt32());
        Assert.Equal(1000, limit.GetProperty("remaining").GetInt32());
        Assert.Equal(86_400_000, limit.GetProperty("reset_after").GetInt64());
        Assert.Equal(16, limit.GetProperty("max_concurrency").GetInt32());
    }

    [Fact]
    public async Task Get_gateway_needs_no_authorization_and_returns_only_the_url()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway");

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal($$"""{"url":"{{harness.Emulator.GatewayUrl}}"}""", call.Body);
        Assert.True(call.HasHeader("X-RateLimit-Bucket"));
    }

    [Theory]
    [InlineData(0, null, 1)]
    [InlineData(1, null, 1)]
    [InlineData(1000, null, 1)]
    [InlineData(1001, null, 2)]
    [InlineData(2500, null, 3)]
    [InlineData(100_000, null, 100)]
    [InlineData(100_001, null, 101)]
    [InlineData(150_000, 16, 160)]
    [InlineData(10, 16, 16)]
    public void Recommended_shards_are_one_per_thousand_guilds_rounded_up_to_the_required_multiple(int guilds, int? multiple, int expected) =>
        Assert.Equal(expected, GatewayRoutes.RecommendedShards(guilds, multiple));

    [Fact]
    public async Task Session_start_limit_counts_down_with_starts_and_resets_after_the_period()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.SessionStartTotal = 5;
            o.SessionStartResetPeriod = TimeSpan.FromHours(1);
        });
        harness.Emulator.SessionStartBudget.TryConsume();
        harness.Emulator.SessionStartBudget.TryConsume();
        harness.Advance(TimeSpan.FromMinutes(15));

        var during = (await RestCall.GetGatewayBotAsync(harness)).Json.GetProperty("session_start_limit");
        harness.Advance(TimeSpan.FromMinutes(45));
        var after = (await RestCall.GetGatewayBotAsync(harness)).Json.GetProperty("session_start_limit");

        Assert.Equal(3, during.GetProperty("remaining").GetInt32());
        Assert.Equal(45 * 60_000, during.GetProperty("reset_after").GetInt64());
        Assert.Equal(5, after.GetProperty("remaining").GetInt32());
        Assert.Equal(60 * 60_000, after.GetProperty("reset_after").GetInt64());
    }

    [Fact]
    public async Task An_identify_over_the_gateway_consumes_one_session_start()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.SessionStartTotal = 10);

        await harness.IdentifyAsync(awaitGuildCreates: false);
        var call = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(9, call.Json.GetProperty("session_start_limit").GetProperty("remaining").GetInt32());
    }

    [Theory]
    [InlineData(null, "no Authorization header")]
    [InlineData("Bot not-the-token", "a token that is not the bot's")]
    [InlineData("Bearer disgo-emulator-token", "without the \"Bot \" scheme")]
    [InlineData("bot disgo-emulator-token", "without the \"Bot \" scheme")]
    [InlineData("Bot", "without the \"Bot \" scheme")]
    [InlineData("Bot  disgo-emulator-token", "a token that is not the bot's")]
    [InlineData("Bot disgo-emulator-tokenx", "a token that is not the bot's")]
    public async Task Get_gateway_bot_without_the_bot_token_is_401_and_recorded(string? authorization, string detail)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var call = await RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway/bot", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, call.Status);
        Assert.Equal("""{"message":"401: Unauthorized","code":0}""", call.Body);
        var violation = Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.RestInvalidRequest));
        Assert.Contains(detail, violation.Detail, StringComparison.Ordinal);
        Assert.Equal(0, violation.ConnectionId);
    }

    [Fact]
    public async Task Rate_limit_headers_describe_the_bucket_and_count_down()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var now = harness.Time.GetUtcNow();

        var first = await RestCall.GetGatewayBotAsync(harness);
        var second = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Limit.ToString(CultureInfo.InvariantCulture), first.Header("X-RateLimit-Limit"));
        Assert.Equal((harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Limit - 1).ToString(CultureInfo.InvariantCulture), first.Header("X-RateLimit-Remaining"));
        Assert.Equal((harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Limit - 2).ToString(CultureInfo.InvariantCulture), second.Header("X-RateLimit-Remaining"));
        var resetAt = (now + harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Period).ToUnixTimeMilliseconds() / 1000.0;
        Assert.Equal(resetAt.ToString("0.000", CultureInfo.InvariantCulture), first.Header("X-RateLimit-Reset"));
        Assert.Equal("5.000", first.Header("X-RateLimit-Reset-After"));
        Assert.Equal(harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).BucketHash, first.Header("X-RateLimit-Bucket"));
        Assert.False(first.HasHeader("X-RateLimit-Scope"));
        Assert.False(first.HasHeader("Retry-After"));
    }

    [Fact]
    public async Task Going_over_the_route_limit_is_429_with_retry_after_and_is_recorded()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        for (var i = 0; i < harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await RestCall.GetGatewayBotAsync(harness)).Status);
        harness.Advance(TimeSpan.FromSeconds(1.5));

        var limited = await RestCall.GetGatewayBotAsync(harness);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("4", limited.Header("Retry-After"));
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.Equal("3.500", limited.Header("X-RateLimit-Reset-After"));
        var body = limited.Json;
        Assert.Equal("You are being rate limited.", body.GetProperty("message").GetString());
        Assert.Equal(3.5, body.GetProperty("retry_after").GetDouble());
        Assert.False(body.GetProperty("global").GetBoolean());
        var violation = Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.RestRateLimit));
        Assert.Contains("GET /gateway/bot", violation.Detail, StringComparison.Ordinal);

        harness.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(HttpStatusCode.OK, (await RestCall.GetGatewayBotAsync(harness)).Status);
    }

    [Fact]
    public async Task Gateway_and_gateway_bot_have_separate_buckets()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        for (var i = 0; i < harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Limit; i++)
            await RestCall.GetGatewayBotAsync(harness);

        var gateway = await RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway");

        Assert.Equal(HttpStatusCode.OK, gateway.Status);
        Assert.Equal(harness.Emulator.Rest.LimitOf(ApiRoute.GetGateway).BucketHash, gateway.Header("X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task Unauthorized_requests_do_not_use_up_the_bots_bucket()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        for (var i = 0; i < harness.Emulator.Rest.LimitOf(ApiRoute.GetGatewayBot).Limit * 2; i++)
            await RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway/bot", "Bot wrong");

        Assert.Equal(HttpStatusCode.OK, (await RestCall.GetGatewayBotAsync(harness)).Status);
    }
}

using System.Net;
using Disgo.Emulator.Rest;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class InvalidRequestBanTests
{
    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o =>
    {
        o.RestLimits.InvalidRequestLimit = 5;
        o.RestLimits.InvalidRequestWindow = TimeSpan.FromMinutes(1);
        o.RestLimits.BanDuration = TimeSpan.FromMinutes(10);
    });

    private static Task<RestCall> UnauthorizedAsync(EmulatorHarness harness) =>
        RestCall.GetAsync($"{harness.Emulator.RestBaseUrl}/gateway/bot", "Bot wrong");

    [Fact]
    public async Task Reaching_the_invalid_request_limit_bans_every_route_with_an_html_403_until_the_ban_ends()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 4; i++)
            await UnauthorizedAsync(harness);
        Assert.Equal(HttpStatusCode.OK, (await RestCall.GetGatewayBotAsync(harness)).Status);

        await UnauthorizedAsync(harness);
        var banned = await RestCall.GetGatewayBotAsync(harness);
        var bannedElsewhere = await RestCall.CreateMessageAsync(harness, harness.Emulator.World.Guilds[0].ChannelId(0));

        Assert.Equal(HttpStatusCode.Forbidden, banned.Status);
        Assert.Equal("text/html", banned.ContentType);
        Assert.Contains("1015", banned.Body, StringComparison.Ordinal);
        Assert.False(banned.HasHeader("X-RateLimit-Bucket"));
        Assert.Equal(HttpStatusCode.Forbidden, bannedElsewhere.Status);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(10), harness.Emulator.Rest.BannedUntil);
        Assert.Equal(5, harness.Emulator.Rest.InvalidRequestTotal);

        harness.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await RestCall.GetGatewayBotAsync(harness)).Status);
        Assert.Null(harness.Emulator.Rest.BannedUntil);
    }

    [Fact]
    public async Task Invalid_requests_older_than_the_window_no_longer_count()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 4; i++)
            await UnauthorizedAsync(harness);

        harness.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 4; i++)
            await UnauthorizedAsync(harness);

        Assert.Equal(4, harness.Emulator.Rest.InvalidRequestsInWindow);
        Assert.Null(harness.Emulator.Rest.BannedUntil);
        Assert.Equal(HttpStatusCode.OK, (await RestCall.GetGatewayBotAsync(harness)).Status);
    }

    [Fact]
    public async Task Shared_scope_429s_do_not_count_towards_the_ban()
    {
        await using var harness = await StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        harness.Emulator.Rest.Inject(new RestFault.SharedRateLimit(TimeSpan.FromSeconds(1)), ApiRoute.CreateMessage, times: 10);

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.TooManyRequests, (await RestCall.CreateMessageAsync(harness, channel)).Status);

        Assert.Equal(0, harness.Emulator.Rest.InvalidRequestsInWindow);
        Assert.All(harness.Emulator.Rest.RateLimited, r => Assert.Equal(("shared", false), (r.Scope, r.Invalid)));
        Assert.Equal(HttpStatusCode.OK, (await RestCall.CreateMessageAsync(harness, channel)).Status);
    }

    [Fact]
    public async Task User_and_global_429s_and_403s_all_count()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.RestLimits.GatewayBot = new RouteRate(1, TimeSpan.FromSeconds(5));
            o.RestLimits.Global = new RouteRate(3, TimeSpan.FromSeconds(1));
        });
        harness.Emulator.Rest.Inject(new RestFault.Forbidden(), ApiRoute.GetGatewayBot);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await RestCall.GetGatewayBotAsync(harness)).Status);

        // Refused requests still pass the global limit first, so the fifth is the fourth to count against it.
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(["user", "user", "global"], harness.Emulator.Rest.RateLimited.Select(r => r.Scope));
        Assert.Equal(4, harness.Emulator.Rest.InvalidRequestsInWindow);
    }
}

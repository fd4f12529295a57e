using System.Globalization;
using System.Net;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Rest;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Rest;

public sealed class RestRateLimitTests
{
    private static readonly TimeSpan ClockTickMargin = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task Create_message_headers_count_down_and_describe_the_bucket()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        var now = harness.Time.GetUtcNow();

        var calls = new List<RestCall>();
        for (var i = 0; i < 5; i++)
            calls.Add(await RestCall.CreateMessageAsync(harness, channel));

        Assert.All(calls, c => Assert.Equal(HttpStatusCode.OK, c.Status));
        Assert.Equal(["4", "3", "2", "1", "0"], calls.Select(c => c.Header("X-RateLimit-Remaining")));
        Assert.All(calls, c => Assert.Equal("5", c.Header("X-RateLimit-Limit")));
        Assert.Equal("5.000", calls[0].Header("X-RateLimit-Reset-After"));
        var resetAt = (now + TimeSpan.FromSeconds(5)).ToUnixTimeMilliseconds() / 1000.0;
        Assert.Equal(resetAt.ToString("0.000", CultureInfo.InvariantCulture), calls[0].Header("X-RateLimit-Reset"));
        Assert.Equal(harness.Emulator.Rest.LimitOf(ApiRoute.CreateMessage).BucketHash, calls[0].Header("X-RateLimit-Bucket"));
        Assert.False(calls[0].HasHeader("X-RateLimit-Scope"));
    }

    [Fact]
    public async Task Ten_channels_have_ten_independent_buckets_under_one_hash()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.ChannelsPerGuild = 10);
        var guild = harness.Emulator.World.Guilds[0];

        var buckets = new HashSet<string>();
        for (var channel = 0; channel < 10; channel++)
        {
            for (var i = 0; i < 5; i++)
            {
                var call = await RestCall.CreateMessageAsync(harness, guild.ChannelId(channel));
                Assert.Equal(HttpStatusCode.OK, call.Status);
                buckets.Add(call.Header("X-RateLimit-Bucket"));
            }
        }

        var sixth = await RestCall.CreateMessageAsync(harness, guild.ChannelId(3));

        Assert.Single(buckets);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.Equal(guild.ChannelId(3).ToString(CultureInfo.InvariantCulture), Assert.Single(harness.Emulator.Rest.RateLimited).Resource);
    }

    [Fact]
    public async Task Going_over_a_route_bucket_is_a_user_429_that_counts_as_invalid()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        for (var i = 0; i < 5; i++)
            await RestCall.CreateMessageAsync(harness, channel);
        harness.Advance(TimeSpan.FromSeconds(4.75));

        var limited = await RestCall.CreateMessageAsync(harness, channel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.Equal("1", limited.Header("Retry-After"));
        Assert.Equal("0.250", limited.Header("X-RateLimit-Reset-After"));
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.False(limited.HasHeader("X-RateLimit-Global"));
        Assert.Equal("""{"message":"You are being rate limited.","retry_after":0.25,"global":false,"code":0}""", limited.Body);
        Assert.Equal(1, harness.Emulator.Rest.InvalidRequestsInWindow);
        var record = Assert.Single(harness.Emulator.Rest.RateLimited);
        Assert.Equal(("user", true), (record.Scope, record.Invalid));
        Assert.Contains("POST /channels/{channel_id}/messages", Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.RestRateLimit)).Detail, StringComparison.Ordinal);
        Assert.Equal(5, harness.Emulator.World.Messages.Count);

        harness.Advance(TimeSpan.FromSeconds(0.25));
        Assert.Equal(HttpStatusCode.OK, (await RestCall.CreateMessageAsync(harness, channel)).Status);
    }

    [Fact]
    public async Task Concurrent_requests_to_one_channel_never_get_more_than_the_bucket_allows()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var calls = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => RestCall.CreateMessageAsync(harness, channel)));

        Assert.Equal(5, calls.Count(c => c.Status == HttpStatusCode.OK));
        Assert.Equal(35, calls.Count(c => c.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, harness.Emulator.World.Messages.Count);
        Assert.Equal(["0", "1", "2", "3", "4"], calls.Where(c => c.Status == HttpStatusCode.OK).Select(c => c.Header("X-RateLimit-Remaining")).Order());
    }

    [Fact]
    public async Task Reset_times_are_rounded_up_so_waiting_what_they_say_is_always_enough()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.RestLimits.CreateMessage = new RouteRate(1, TimeSpan.FromSeconds(1)));
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        await RestCall.CreateMessageAsync(harness, channel);
        harness.Advance(TimeSpan.FromTicks(6_000)); // 0.6 ms: 999.4 ms are left, which must not read as 0.999 s

        var limited = await RestCall.CreateMessageAsync(harness, channel);
        harness.Advance(TimeSpan.FromSeconds(limited.Json.GetProperty("retry_after").GetDouble()));
        var after = await RestCall.CreateMessageAsync(harness, channel);

        Assert.Equal("1.000", limited.Header("X-RateLimit-Reset-After"));
        Assert.Equal(1.0, limited.Json.GetProperty("retry_after").GetDouble());
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task On_real_time_a_client_that_waits_what_the_headers_say_plus_a_clock_tick_never_meets_a_429()
    {
        var options = new EmulatorOptions { GuildCount = 1, ChannelsPerGuild = 10 };
        options.RestLimits.CreateMessage = new RouteRate(5, TimeSpan.FromMilliseconds(100));
        options.RestLimits.Global = new RouteRate(10_000, TimeSpan.FromSeconds(1));
        await using var emulator = await DiscordEmulator.StartAsync(options).WaitAsync(RawGatewayClient.SafetyTimeout);
        var guild = emulator.World.Guilds[0];

        await Task.WhenAll(Enumerable.Range(0, 10).Select(async channel =>
        {
            for (var i = 0; i < 15; i++)
            {
                var call = await RestCall.SendAsync(
                    HttpMethod.Post, $"{emulator.RestBaseUrl}/channels/{guild.ChannelId(channel)}/messages", $"Bot {options.Token}", """{"content":"burst"}""");
                Assert.Equal(HttpStatusCode.OK, call.Status);
                // Timers may fire up to a clock tick early, so a careful client adds a few milliseconds.
                if (call.Header("X-RateLimit-Remaining") == "0")
                    await Task.Delay(TimeSpan.FromSeconds(double.Parse(call.Header("X-RateLimit-Reset-After"), CultureInfo.InvariantCulture)) + ClockTickMargin);
            }
        })).WaitAsync(RawGatewayClient.SafetyTimeout);

        Assert.Empty(emulator.Rest.RateLimited);
        Assert.Equal(150, emulator.World.Messages.Count);
    }

    [Fact]
    public async Task Sub_second_windows_are_honoured()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.RestLimits.CreateMessage = new RouteRate(2, TimeSpan.FromMilliseconds(250)));
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);

        var first = await RestCall.CreateMessageAsync(harness, channel);
        await RestCall.CreateMessageAsync(harness, channel);
        var refused = await RestCall.CreateMessageAsync(harness, channel);
        harness.Advance(TimeSpan.FromMilliseconds(250));
        var next = await RestCall.CreateMessageAsync(harness, channel);

        Assert.Equal("0.250", first.Header("X-RateLimit-Reset-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(0.25, refused.Json.GetProperty("retry_after").GetDouble());
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("1", next.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Edit_and_delete_message_share_one_bucket()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.RestLimits.EditOrDeleteMessage = new RouteRate(2, TimeSpan.FromSeconds(5)));
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await RestCall.CreateMessageAsync(harness, channel)).Json.GetProperty("id").GetString()!);

        var edit = await RestCall.BotAsync(harness, HttpMethod.Patch, $"/channels/{channel}/messages/{ids[0]}", """{"content":"edited"}""");
        var delete = await RestCall.BotAsync(harness, HttpMethod.Delete, $"/channels/{channel}/messages/{ids[1]}");
        var refused = await RestCall.BotAsync(harness, HttpMethod.Delete, $"/channels/{channel}/messages/{ids[2]}");

        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(edit.Header("X-RateLimit-Bucket"), delete.Header("X-RateLimit-Bucket"));
        Assert.Equal("0", delete.Header("X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
    }

    [Fact]
    public async Task The_global_limit_answers_a_global_429_and_spares_interaction_routes()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.ChannelsPerGuild = 5;
            o.RestLimits.Global = new RouteRate(3, TimeSpan.FromSeconds(1));
        });
        var guild = harness.Emulator.World.Guilds[0];
        var interaction = harness.Emulator.Rest.CreateInteraction(guild.Id);
        harness.Advance(TimeSpan.FromMilliseconds(400));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await RestCall.CreateMessageAsync(harness, guild.ChannelId(i))).Status);

        var limited = await RestCall.CreateMessageAsync(harness, guild.ChannelId(3));
        var callback = await RestCall.SendAsync(
            HttpMethod.Post, $"{harness.Emulator.RestBaseUrl}/interactions/{interaction.Id}/{interaction.Token}/callback", jsonBody: """{"type":4,"data":{"content":"pong"}}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("global", limited.Header("X-RateLimit-Scope"));
        Assert.Equal("true", limited.Header("X-RateLimit-Global"));
        Assert.False(limited.HasHeader("X-RateLimit-Bucket"));
        Assert.Equal("1", limited.Header("Retry-After"));
        Assert.True(limited.Json.GetProperty("global").GetBoolean());
        Assert.Equal(1.0, limited.Json.GetProperty("retry_after").GetDouble());
        Assert.Equal(HttpStatusCode.NoContent, callback.Status);
        Assert.True(Assert.Single(harness.Emulator.Rest.RateLimited).Invalid);

        harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await RestCall.CreateMessageAsync(harness, guild.ChannelId(3))).Status);
    }

    [Fact]
    public async Task A_bucket_change_moves_the_route_to_a_new_hash_and_size()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        var before = await RestCall.CreateMessageAsync(harness, channel);

        var changed = harness.Emulator.Rest.ChangeBucket(ApiRoute.CreateMessage, 2, TimeSpan.FromSeconds(1));
        var after = new[] { await RestCall.CreateMessageAsync(harness, channel), await RestCall.CreateMessageAsync(harness, channel) };
        var refused = await RestCall.CreateMessageAsync(harness, channel);

        Assert.NotEqual(before.Header("X-RateLimit-Bucket"), changed.BucketHash);
        Assert.All(after, c => Assert.Equal(changed.BucketHash, c.Header("X-RateLimit-Bucket")));
        Assert.Equal(["1", "0"], after.Select(c => c.Header("X-RateLimit-Remaining")));
        Assert.Equal("2", after[0].Header("X-RateLimit-Limit"));
        Assert.Equal("1.000", after[0].Header("X-RateLimit-Reset-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
    }

    [Fact]
    public async Task A_bucket_change_with_an_existing_hash_joins_that_bucket()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var channel = harness.Emulator.World.Guilds[0].ChannelId(0);
        var shared = harness.Emulator.Rest.LimitOf(ApiRoute.EditMessage).BucketHash;

        harness.Emulator.Rest.ChangeBucket(ApiRoute.CreateMessage, 3, TimeSpan.FromSeconds(5), shared);
        var created = await RestCall.CreateMessageAsync(harness, channel);
        var edited = await RestCall.BotAsync(harness, HttpMethod.Patch, $"/channels/{channel}/messages/{created.Json.GetProperty("id").GetString()}", """{"content":"x"}""");

        Assert.Equal(shared, created.Header("X-RateLimit-Bucket"));
        Assert.Equal(("3", "1"), (edited.Header("X-RateLimit-Limit"), edited.Header("X-RateLimit-Remaining")));
    }

    [Fact]
    public async Task Limits_that_cannot_be_enforced_are_refused_at_start()
    {
        var options = new EmulatorOptions();
        options.RestLimits.CreateMessage = new RouteRate(0, TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => DiscordEmulator.StartAsync(options));

        Assert.Contains("CreateMessage", error.Message, StringComparison.Ordinal);
    }
}

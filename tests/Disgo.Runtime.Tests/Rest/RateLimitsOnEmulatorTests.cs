using System.Diagnostics;
using Disgo.Emulator.Rest;
using Disgo.Rest;
using Disgo.Rest.Models;
using Disgo.Rest.RateLimiting;
using Xunit.Abstractions;

namespace Disgo.Runtime.Tests.Rest;

/// <summary>The limiter against the local Discord's real buckets: throughput on a shared virtual clock, the rest on real time with short windows.</summary>
public sealed class RateLimitsOnEmulatorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    /// <summary>How far virtual time moves whenever every request waits; a reset is overshot by at most this much.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task A_thousand_messages_to_ten_channels_arrive_without_a_429_within_5_percent_of_the_allowed_time()
    {
        const int channels = 10, perChannel = 100, limit = 5;
        var window = TimeSpan.FromSeconds(1);
        await using var rest = await VirtualTimeRest.StartAsync(
            o =>
            {
                o.RestLimits.CreateMessage = new RouteRate(limit, window);
                o.RestLimits.Global = new RouteRate(10_000, TimeSpan.FromSeconds(1));
            },
            l => l.GlobalLimit = 10_000);
        var routes = Enumerable.Range(0, channels).Select(i => MessagesRoute(rest.Channel(i))).ToList();

        var requests = Enumerable.Range(0, channels * perChannel)
            .Select(i => (Task)rest.Client.CreateMessageAsync(rest.Channel(i % channels), new CreateMessage { Content = $"message {i}" }))
            .ToList();
        var elapsed = await rest.DriveAsync(requests, () => routes.Sum(r => rest.Limiter.BucketOf(r).WaitingCount), Step);

        // Each channel's first window opens with its first message; the last opens (perChannel/limit - 1) windows later.
        var allowed = window * ((perChannel / limit) - 1);
        output.WriteLine($"1000 messages in {elapsed.TotalMilliseconds:0} ms of virtual time; the limits allow {allowed.TotalMilliseconds:0} ms ({elapsed / allowed:0.000}x)");
        Assert.Empty(rest.Emulator.Rest.RateLimited);
        Assert.Equal(channels * perChannel, rest.Emulator.World.Messages.Count);
        Assert.InRange(elapsed, allowed, allowed * 1.05);
    }

    [Fact]
    public async Task A_burst_over_the_global_limit_arrives_without_a_429_within_5_percent_of_the_allowed_time()
    {
        const int requestCount = 250, globalLimit = 25;
        var window = TimeSpan.FromSeconds(1);
        await using var rest = await VirtualTimeRest.StartAsync(
            o =>
            {
                o.RestLimits.CreateMessage = new RouteRate(1_000, TimeSpan.FromSeconds(1));
                o.RestLimits.Global = new RouteRate(globalLimit, window);
            },
            l =>
            {
                l.GlobalLimit = globalLimit;
                l.GlobalWindow = window;
            });
        var routes = Enumerable.Range(0, 10).Select(i => MessagesRoute(rest.Channel(i))).ToList();

        var requests = Enumerable.Range(0, requestCount)
            .Select(i => (Task)rest.Client.CreateMessageAsync(rest.Channel(i % 10), new CreateMessage { Content = $"message {i}" }))
            .ToList();
        var elapsed = await rest.DriveAsync(requests, () => routes.Sum(r => rest.Limiter.BucketOf(r).WaitingCount), Step);

        var allowed = window * ((requestCount / globalLimit) - 1);
        output.WriteLine($"{requestCount} requests in {elapsed.TotalMilliseconds:0} ms of virtual time; the global limit allows {allowed.TotalMilliseconds:0} ms ({elapsed / allowed:0.000}x)");
        Assert.Empty(rest.Emulator.Rest.RateLimited);
        Assert.InRange(elapsed, allowed, allowed * 1.05);
    }

    [Fact]
    public async Task A_shared_429_is_waited_out_and_not_counted_as_invalid()
    {
        await using var rest = await EmulatedRest.StartAsync();
        var channel = rest.Channel(0);
        rest.Emulator.Rest.Inject(new RestFault.SharedRateLimit(TimeSpan.FromMilliseconds(300)), ApiRoute.CreateMessage, channel.Value);

        var clock = Stopwatch.StartNew();
        await rest.Client.CreateMessageAsync(channel, new CreateMessage { Content = "after the wait" }).WaitAsync(SafetyNet);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"retried after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("shared", Assert.Single(rest.Emulator.Rest.RateLimited).Scope);
        Assert.Equal(0, rest.Emulator.Rest.InvalidRequestsInWindow);
        Assert.Equal(0, rest.Limiter.InvalidRequestCount);
        Assert.Single(rest.Emulator.World.Messages.InChannel(channel.Value));
    }

    [Fact]
    public async Task A_changed_bucket_is_learned_from_the_next_answer_and_kept_without_a_429()
    {
        await using var rest = await EmulatedRest.StartAsync(o => o.RestLimits.CreateMessage = new RouteRate(5, TimeSpan.FromMilliseconds(250)));
        var channel = rest.Channel(0);
        var route = RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channel.ToString());
        await SendAsync(rest, channel, 2);
        var before = rest.Limiter.BucketOf(route).Hash;

        rest.Emulator.Rest.ChangeBucket(ApiRoute.CreateMessage, 2, TimeSpan.FromMilliseconds(200), "changed-bucket");
        await SendAsync(rest, channel, 1);
        await SendAsync(rest, channel, 8);

        Assert.NotEqual("changed-bucket", before);
        Assert.Equal("changed-bucket", rest.Limiter.BucketOf(route).Hash);
        Assert.Empty(rest.Emulator.Rest.RateLimited);
        Assert.Equal(11, rest.Emulator.World.Messages.InChannel(channel.Value).Count);
    }

    [Fact]
    public async Task Requests_to_an_unknown_bucket_wait_for_the_first_answer_instead_of_guessing()
    {
        await using var rest = await EmulatedRest.StartAsync(o => o.RestLimits.GetChannel = new RouteRate(2, TimeSpan.FromMilliseconds(200)));

        // Five at once to a bucket nobody has seen: sending them together would earn three 429s.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => rest.Client.GetChannelAsync(rest.Channel(1)))).WaitAsync(SafetyNet);

        Assert.Empty(rest.Emulator.Rest.RateLimited);
        Assert.Equal(5, rest.Emulator.Rest.Requests.Count(r => r.Route == ApiRoute.GetChannel));
    }

    [Fact]
    public async Task The_invalid_request_guard_stops_a_bad_token_before_the_ban()
    {
        await using var rest = await EmulatedRest.StartAsync(
            o => o.RestLimits.InvalidRequestLimit = 30,
            l =>
            {
                l.InvalidRequestStopThreshold = 20;
                l.InvalidRequestSlowThreshold = 20;
            },
            c => c.Token = "revoked-token");

        InvalidRequestLimitException? stopped = null;
        var unauthorized = 0;
        for (var i = 0; i < 40 && stopped is null; i++)
        {
            try
            {
                await rest.Client.GetChannelAsync(rest.Channel(0)).WaitAsync(SafetyNet);
            }
            catch (InvalidRequestLimitException exception)
            {
                stopped = exception;
            }
            catch (DiscordRestException exception) when (exception.StatusCode == 401)
            {
                unauthorized++;
            }
        }

        Assert.NotNull(stopped);
        Assert.Equal(20, unauthorized);
        Assert.Equal(20, rest.Emulator.Rest.InvalidRequestsInWindow);
        Assert.Null(rest.Emulator.Rest.BannedUntil);
        Assert.DoesNotContain("revoked-token", stopped.ToString(), StringComparison.Ordinal);
    }

    private static RestRoute MessagesRoute(Snowflake channel) => RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channel.ToString());

    private static async Task SendAsync(EmulatedRest rest, Snowflake channel, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => rest.Client.CreateMessageAsync(channel, new CreateMessage { Content = $"m{i}" }))).WaitAsync(SafetyNet);
}

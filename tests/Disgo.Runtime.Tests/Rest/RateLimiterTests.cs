using Disgo.Rest;
using Disgo.Rest.RateLimiting;
using Disgo.Runtime.Tests.Sharding;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Rest;

public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_unknown_bucket_sends_one_request_at_a_time_until_its_limits_are_learned()
    {
        var limiter = Limiter();
        var route = Messages(1);

        var first = await limiter.AcquireAsync(route, default);
        var second = limiter.AcquireAsync(route, default).AsTask();
        await Eventually.SettleAsync();
        Assert.False(second.IsCompleted, "a second request went out before the bucket was known");

        await limiter.ReleaseAsync(first, Ok(limit: 5, remaining: 4));
        var granted = await second.WaitAsync(Eventually.SafetyNet);
        Assert.Equal(route, granted.Route);

        // Learned: the next three fit in the window without waiting.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AcquireAsync(route, default).IsCompletedSuccessfully);
        }
    }

    [Fact]
    public async Task An_empty_bucket_waits_for_its_reset_and_no_longer()
    {
        var limiter = Limiter();
        var route = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 2, remaining: 1, resetAfter: 2));
        var second = await limiter.AcquireAsync(route, default);

        var third = limiter.AcquireAsync(route, default).AsTask();
        await limiter.ReleaseAsync(second, Ok(limit: 2, remaining: 0, resetAfter: 2));
        _time.Advance(TimeSpan.FromSeconds(1.9));
        await Eventually.SettleAsync();
        Assert.False(third.IsCompleted, "sent before the reset");

        _time.Advance(TimeSpan.FromSeconds(0.11));
        await third.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task Each_channel_has_its_own_bucket()
    {
        var limiter = Limiter();
        await limiter.ReleaseAsync(await limiter.AcquireAsync(Messages(1), default), Ok(limit: 1, remaining: 0, resetAfter: 5));
        await limiter.ReleaseAsync(await limiter.AcquireAsync(Messages(2), default), Ok(limit: 1, remaining: 0, resetAfter: 5));

        var blocked = limiter.AcquireAsync(Messages(1), default).AsTask();
        var other = limiter.AcquireAsync(Messages(3), default).AsTask();

        await other.WaitAsync(Eventually.SafetyNet);
        await Eventually.SettleAsync();
        Assert.False(blocked.IsCompleted);
    }

    [Fact]
    public async Task Routes_that_share_a_bucket_hash_share_its_limit()
    {
        var limiter = Limiter();
        var edit = RestRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "1", "10");
        var delete = RestRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", "1", "10");
        await limiter.ReleaseAsync(await limiter.AcquireAsync(edit, default), Ok("shared", limit: 2, remaining: 1, resetAfter: 5));
        await limiter.ReleaseAsync(await limiter.AcquireAsync(delete, default), Ok("shared", limit: 2, remaining: 0, resetAfter: 5));

        var nextEdit = limiter.AcquireAsync(edit, default).AsTask();
        var nextDelete = limiter.AcquireAsync(delete, default).AsTask();
        await Eventually.SettleAsync();

        Assert.False(nextEdit.IsCompleted, "the edit ignored the shared bucket");
        Assert.False(nextDelete.IsCompleted, "the delete ignored the shared bucket");
        _time.Advance(TimeSpan.FromSeconds(5.1));
        await Task.WhenAll(nextEdit, nextDelete).WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task A_bucket_hash_change_moves_the_route_to_the_new_bucket()
    {
        var limiter = Limiter();
        var route = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok("old", limit: 5, remaining: 4, resetAfter: 5));

        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok("new", limit: 1, remaining: 0, resetAfter: 3));

        Assert.Equal("new", limiter.BucketOf(route).Hash);
        var next = limiter.AcquireAsync(route, default).AsTask();
        await Eventually.SettleAsync();
        Assert.False(next.IsCompleted, "the new, smaller bucket was ignored");
        _time.Advance(TimeSpan.FromSeconds(3.1));
        await next.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task A_user_429_holds_the_bucket_for_its_retry_after()
    {
        var limiter = Limiter();
        var route = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 5, remaining: 4));

        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), TooMany(RateLimitScope.User, retryAfter: 1.5));

        var next = limiter.AcquireAsync(route, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1.4));
        await Eventually.SettleAsync();
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await next.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task The_global_limit_frees_a_place_one_window_after_its_answer()
    {
        var limiter = Limiter(o => o.GlobalLimit = 3);
        var permits = new List<RateLimitPermit>();
        for (var channel = 1; channel <= 3; channel++)
        {
            var acquire = limiter.AcquireAsync(Messages((ulong)channel), default);
            Assert.True(acquire.IsCompletedSuccessfully);
            permits.Add(await acquire);
        }

        var fourth = limiter.AcquireAsync(Messages(4), default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(0.5));
        foreach (var permit in permits)
        {
            await limiter.ReleaseAsync(permit, Ok());
        }

        // Discord may have counted the answered requests as late as their answers: their places free a window later.
        _time.Advance(TimeSpan.FromSeconds(0.99));
        await Eventually.SettleAsync();
        Assert.False(fourth.IsCompleted, "a fourth request within one window of the others' answers");

        _time.Advance(TimeSpan.FromSeconds(0.02));
        await fourth.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task Interaction_routes_are_not_held_by_the_global_limit()
    {
        var limiter = Limiter(o => o.GlobalLimit = 1);
        await limiter.AcquireAsync(Messages(1), default);

        var callback = limiter.AcquireAsync(RestRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", "9", "token"), default);
        var followup = limiter.AcquireAsync(RestRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", "9", "token"), default);

        Assert.True(callback.IsCompletedSuccessfully);
        Assert.True(followup.IsCompletedSuccessfully);
        Assert.False(limiter.AcquireAsync(Messages(2), default).IsCompleted);
    }

    [Fact]
    public async Task A_global_429_pauses_every_route_but_interactions()
    {
        var limiter = Limiter();
        var permit = await limiter.AcquireAsync(Messages(1), default);
        await limiter.ReleaseAsync(permit, TooMany(RateLimitScope.Global, retryAfter: 2, bucket: null));

        var other = limiter.AcquireAsync(Messages(2), default).AsTask();
        var callback = limiter.AcquireAsync(RestRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", "9", "token"), default);
        await Eventually.SettleAsync();

        Assert.True(callback.IsCompletedSuccessfully);
        Assert.False(other.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2.01));
        await other.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task A_waiting_bucket_never_holds_up_other_buckets_at_the_global_limit()
    {
        var limiter = Limiter(o => o.GlobalLimit = 10);
        var hot = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(hot, default), Ok(limit: 1, remaining: 0, resetAfter: 60));
        var queued = Enumerable.Range(0, 100).Select(_ => limiter.AcquireAsync(hot, default).AsTask()).ToList();

        // The hot channel's 100 waiting requests take no global capacity: nine other channels go at once.
        for (var channel = 2; channel <= 10; channel++)
        {
            Assert.True(limiter.AcquireAsync(Messages((ulong)channel), default).IsCompletedSuccessfully, $"channel {channel} waited behind the hot one");
        }

        Assert.All(queued, task => Assert.False(task.IsCompleted));
    }

    [Fact]
    public async Task Shared_429s_are_waited_out_but_not_counted_as_invalid()
    {
        var limiter = Limiter();
        var route = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 5, remaining: 4));

        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), TooMany(RateLimitScope.Shared, retryAfter: 3));
        var next = limiter.AcquireAsync(route, default).AsTask();
        await Eventually.SettleAsync();

        Assert.Equal(0, limiter.InvalidRequestCount);
        Assert.False(next.IsCompleted, "a shared 429 still asks to wait");
        _time.Advance(TimeSpan.FromSeconds(3.1));
        await next.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task The_invalid_request_guard_stops_before_the_threshold_with_a_clear_error()
    {
        var limiter = Limiter(o =>
        {
            o.InvalidRequestStopThreshold = 5;
            o.InvalidRequestSlowThreshold = 5;
        });
        var route = RestRoute.Create(HttpMethod.Get, "/channels/{channel_id}", "1");
        for (var i = 0; i < 5; i++)
        {
            await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 50, remaining: 49) with { StatusCode = 401 });
        }

        var error = await Assert.ThrowsAsync<InvalidRequestLimitException>(() => limiter.AcquireAsync(route, default).AsTask());

        Assert.Equal(5, error.InvalidRequests);
        Assert.Contains("10,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /channels/1", error.Message, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(10));
        await limiter.AcquireAsync(route, default).AsTask().WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task Past_the_slow_threshold_requests_are_spaced_out()
    {
        var limiter = Limiter(o =>
        {
            o.InvalidRequestSlowThreshold = 1;
            o.InvalidRequestSlowInterval = TimeSpan.FromSeconds(1);
        });
        var route = RestRoute.Create(HttpMethod.Get, "/channels/{channel_id}", "1");
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 50, remaining: 49) with { StatusCode = 403 });

        var first = limiter.AcquireAsync(route, default).AsTask();
        await first.WaitAsync(Eventually.SafetyNet);
        var second = limiter.AcquireAsync(route, default).AsTask();
        await Eventually.SettleAsync();

        Assert.False(second.IsCompleted, "not slowed down");
        _time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_place_to_the_next_request()
    {
        var limiter = Limiter();
        var route = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 1, remaining: 0, resetAfter: 1));
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(route, cancel.Token).AsTask();
        var next = limiter.AcquireAsync(route, default).AsTask();

        await cancel.CancelAsync();
        _time.Advance(TimeSpan.FromSeconds(1.1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Eventually.SafetyNet));
        await next.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task A_late_answer_from_an_earlier_window_does_not_move_the_current_reset()
    {
        var limiter = Limiter();
        var route = Messages(1);
        await limiter.ReleaseAsync(await limiter.AcquireAsync(route, default), Ok(limit: 3, remaining: 2, resetAfter: 1));
        var slow = await limiter.AcquireAsync(route, default);
        _time.Advance(TimeSpan.FromSeconds(1.1));

        // The slow request may still reach Discord in the new window, so it counts there: two places are left, not three.
        var fresh = await limiter.AcquireAsync(route, default).AsTask().WaitAsync(Eventually.SafetyNet);
        await limiter.ReleaseAsync(fresh, Ok(limit: 3, remaining: 2, resetAfter: 1));
        await limiter.ReleaseAsync(slow, Ok(limit: 3, remaining: 0, resetAfter: 0.05));
        Assert.True(limiter.AcquireAsync(route, default).IsCompletedSuccessfully);

        var waiting = limiter.AcquireAsync(route, default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.SettleAsync();
        Assert.False(waiting.IsCompleted, "the late answer's reset was taken for the current window's");
        _time.Advance(TimeSpan.FromSeconds(0.95));
        await waiting.WaitAsync(Eventually.SafetyNet);
    }

    private RateLimiter Limiter(Action<RateLimiterOptions>? configure = null)
    {
        var options = new RateLimiterOptions { TimeProvider = _time, SafetyMargin = TimeSpan.Zero };
        configure?.Invoke(options);
        return new RateLimiter(options);
    }

    private static RestRoute Messages(ulong channel) => RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channel.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static RateLimitResponse Ok(string bucket = "messages", int limit = 5, int remaining = 4, double resetAfter = 5) =>
        new(200, bucket, limit, remaining, TimeSpan.FromSeconds(resetAfter));

    private static RateLimitResponse TooMany(RateLimitScope scope, double retryAfter, string? bucket = "messages") =>
        new(429, bucket, bucket is null ? null : 5, bucket is null ? null : 0, bucket is null ? null : TimeSpan.FromSeconds(retryAfter), scope, TimeSpan.FromSeconds(retryAfter));
}

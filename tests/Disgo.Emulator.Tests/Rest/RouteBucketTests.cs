using Disgo.Emulator.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Emulator.Tests.Rest;

public sealed class RouteBucketTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_bucket_allows_its_limit_then_refuses_until_the_window_ends()
    {
        var bucket = new RouteBucket("abc", 3, TimeSpan.FromSeconds(5), _time);

        var first = bucket.TryAcquire();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = bucket.TryAcquire();
        var third = bucket.TryAcquire();
        var refused = bucket.TryAcquire();

        Assert.True(first.Allowed && second.Allowed && third.Allowed);
        Assert.Equal([2, 1, 0], new[] { first.Remaining, second.Remaining, third.Remaining });
        Assert.False(refused.Allowed);
        Assert.Equal(0, refused.Remaining);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(4), refused.ResetAt);
        Assert.Equal(TimeSpan.FromSeconds(4), refused.ResetAfter);
        Assert.Equal("abc", refused.Bucket);
        Assert.Equal(3, refused.Limit);
    }

    [Fact]
    public void A_bucket_refills_when_its_window_ends_and_the_next_window_opens_with_the_next_request()
    {
        var bucket = new RouteBucket("abc", 1, TimeSpan.FromSeconds(5), _time);
        Assert.True(bucket.TryAcquire().Allowed);

        _time.Advance(TimeSpan.FromMilliseconds(4_999));
        Assert.False(bucket.TryAcquire().Allowed);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _time.Advance(TimeSpan.FromSeconds(30));
        var refilled = bucket.TryAcquire();

        Assert.True(refilled.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(5), refilled.ResetAfter);
    }

    [Fact]
    public void Concurrent_requests_never_get_more_than_the_limit()
    {
        var bucket = new RouteBucket("abc", 50, TimeSpan.FromSeconds(5), _time);

        var allowed = 0;
        Parallel.For(0, 1_000, _ =>
        {
            if (bucket.TryAcquire().Allowed)
                Interlocked.Increment(ref allowed);
        });

        Assert.Equal(50, allowed);
    }

    [Fact]
    public void Route_bucket_hashes_are_opaque_and_distinct_and_shared_only_by_routes_sharing_a_bucket()
    {
        var limits = new RestRateLimits(new RestLimitOptions(), _time);

        var hashes = ApiRoutes.All.Select(r => limits.LimitOf(r).BucketHash).ToArray();

        Assert.Equal(ApiRoutes.All.Count - 3, hashes.Distinct().Count());
        Assert.Equal(limits.LimitOf(ApiRoute.EditMessage).BucketHash, limits.LimitOf(ApiRoute.DeleteMessage).BucketHash);
        Assert.Equal(limits.LimitOf(ApiRoute.CreateFollowup).BucketHash, limits.LimitOf(ApiRoute.DeleteFollowup).BucketHash);
        Assert.All(hashes, hash => Assert.Matches("^[0-9a-f]{32}$", hash));
        Assert.DoesNotContain("gateway", limits.LimitOf(ApiRoute.GetGatewayBot).BucketHash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Peek_reports_the_bucket_without_using_it_up()
    {
        var bucket = new RouteBucket("abc", 2, TimeSpan.FromSeconds(5), _time);
        var fresh = bucket.Peek();
        bucket.TryAcquire();
        _time.Advance(TimeSpan.FromSeconds(2));

        var peeked = bucket.Peek();

        Assert.Equal((2, TimeSpan.FromSeconds(5)), (fresh.Remaining, fresh.ResetAfter));
        Assert.Equal((1, TimeSpan.FromSeconds(3)), (peeked.Remaining, peeked.ResetAfter));
        Assert.Equal(0, bucket.TryAcquire().Remaining);
    }
}

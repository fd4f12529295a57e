using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The buckets of one emulator. A route's bucket is keyed by its hash and the route's top-level resource (channel,
/// guild, webhook id and token), as on Discord: hitting the limit on one channel does not limit another. The bot's
/// global limit is one more bucket in front of them.
/// </summary>
internal sealed class RestRateLimits
{
    private readonly ConcurrentDictionary<(string Hash, string Resource), RouteBucket> _buckets = new();
    private readonly RouteLimit[] _routes;
    private readonly TimeProvider _time;
    private readonly Lock _changeLock = new();
    private int _changes;

    public RestRateLimits(RestLimitOptions options, TimeProvider time)
    {
        _time = time;
        _routes = new RouteLimit[ApiRoutes.All.Count];
        foreach (var route in ApiRoutes.All)
            _routes[(int)route] = new RouteLimit(route.Template(), RouteLimit.HashOf(route.BucketGroup()), options.For(route));
        Global = new RouteBucket("global", options.Global.Limit, options.Global.Window, time);
    }

    /// <summary>The bot's global limit (authenticated, non-interaction requests).</summary>
    public RouteBucket Global { get; }

    public RouteLimit LimitOf(ApiRoute route) => Volatile.Read(ref _routes[(int)route]);

    /// <summary>
    /// Moves <paramref name="route"/> to a bucket of <paramref name="rate"/>, under <paramref name="bucketHash"/> or a fresh
    /// hash, as Discord does when it changes a route's limits. A hash names one bucket, so other routes already under
    /// it take the new rate too; windows in progress under that hash start over.
    /// </summary>
    public RouteLimit ChangeBucket(ApiRoute route, RouteRate rate, string? bucketHash)
    {
        lock (_changeLock)
        {
            var hash = bucketHash ?? RouteLimit.HashOf($"{route.BucketGroup()}#{++_changes}");
            foreach (var other in ApiRoutes.All)
            {
                if (LimitOf(other).BucketHash == hash)
                    Volatile.Write(ref _routes[(int)other], new RouteLimit(other.Template(), hash, rate));
            }

            var limit = new RouteLimit(route.Template(), hash, rate);
            Volatile.Write(ref _routes[(int)route], limit);
            foreach (var key in _buckets.Keys)
            {
                if (key.Hash == hash)
                    _buckets.TryRemove(key, out _);
            }

            return limit;
        }
    }

    /// <summary>Takes one request from the route's bucket for <paramref name="resource"/>.</summary>
    public RateLimitDecision Acquire(ApiRoute route, string resource) => BucketOf(route, resource).TryAcquire();

    /// <summary>The route's bucket for <paramref name="resource"/> without taking a request.</summary>
    public RateLimitDecision Peek(ApiRoute route, string resource) => BucketOf(route, resource).Peek();

    /// <summary>Writes <c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>, <c>-Reset-After</c> and <c>-Bucket</c>.</summary>
    public static void WriteHeaders(HttpResponse response, in RateLimitDecision decision)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        var resetMilliseconds = (decision.ResetAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        headers["X-RateLimit-Reset"] = (resetMilliseconds / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = Seconds(decision.ResetAfter);
        headers["X-RateLimit-Bucket"] = decision.Bucket;
    }

    /// <summary>
    /// Seconds with millisecond precision, as Discord writes them, rounded up: the headers never understate the wait,
    /// so on the emulator's clock a client that waits exactly what they say finds the bucket reset.
    /// </summary>
    public static string Seconds(TimeSpan duration) => CeilingSeconds(duration).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary><paramref name="duration"/> in seconds, rounded up to the millisecond.</summary>
    public static double CeilingSeconds(TimeSpan duration) => Math.Ceiling(duration.TotalMilliseconds) / 1000.0;

    private RouteBucket BucketOf(ApiRoute route, string resource)
    {
        var limit = LimitOf(route);
        var bucket = _buckets.GetOrAdd(
            (limit.BucketHash, resource),
            static (key, state) => new RouteBucket(key.Hash, state.Limit.Limit, state.Limit.Period, state.Time),
            (Limit: limit, Time: _time));

        // A request that read the route's limit just before a bucket change may have re-created an old-sized bucket.
        if (bucket.Limit != limit.Limit || bucket.Period != limit.Period)
        {
            var fresh = new RouteBucket(limit.BucketHash, limit.Limit, limit.Period, _time);
            bucket = _buckets.TryUpdate((limit.BucketHash, resource), fresh, bucket) ? fresh : _buckets[(limit.BucketHash, resource)];
        }

        return bucket;
    }
}

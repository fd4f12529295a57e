using System.Collections.Concurrent;
using System.Globalization;
using Disgo.Emulator.Observation;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The per-route buckets of one emulator. A bucket is keyed by its hash and the route's top-level resource
/// (channel, guild or webhook id), as on Discord: hitting the limit on one channel does not limit another.
/// </summary>
internal sealed class RestRateLimits
{
    private readonly ConcurrentDictionary<(string Hash, string Resource), RouteBucket> _buckets = new();
    private readonly EmulatorServices _services;

    public RestRateLimits(EmulatorServices services) => _services = services;

    /// <summary>
    /// Takes one request from the route's bucket and writes the <c>X-RateLimit-*</c> headers. Returns false after
    /// answering 429 (and recording the violation) when the bucket is empty; the caller then writes nothing more.
    /// </summary>
    public async ValueTask<bool> TryAcquireAsync(HttpContext context, RouteLimit route, string topLevelResource = "")
    {
        var bucket = _buckets.GetOrAdd(
            (route.BucketHash, topLevelResource),
            static (key, state) => new RouteBucket(key.Hash, state.Route.Limit, state.Route.Period, state.Time),
            (Route: route, _services.Time));
        var decision = bucket.TryAcquire();
        WriteHeaders(context.Response, decision);
        if (decision.Allowed)
            return true;

        _services.Observations.Record(new RuleViolation(
            ViolationKind.RestRateLimit,
            ConnectionId: 0,
            Shard: null,
            $"{route.Route} over its limit of {route.Limit} per {route.Period.TotalSeconds:0.###} s; retry after {decision.ResetAfter.TotalSeconds:0.###} s",
            _services.Time.GetUtcNow()));
        await RestResponses.WriteTooManyRequestsAsync(context, decision.ResetAfter, isGlobal: false).ConfigureAwait(false);
        return false;
    }

    private static void WriteHeaders(HttpResponse response, in RateLimitDecision decision)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (decision.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = decision.ResetAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = decision.Bucket;
        if (!decision.Allowed)
        {
            // Per-route 429s come from the bot's own limit; "global" and "shared" scopes belong to other limits.
            headers["X-RateLimit-Scope"] = "user";
            headers.RetryAfter = Math.Ceiling(decision.ResetAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
    }
}

using System.Collections.Concurrent;

namespace Disgo.Rest.RateLimiting;

/// <summary>
/// The in-process <see cref="IRateLimiter"/>: Discord's buckets learned from <c>X-RateLimit-Bucket</c> and kept per
/// top-level resource, the global limit, 429 handling by scope, and the invalid-request guard. Share one instance
/// among every client of a bot in the process.
/// </summary>
/// <remarks>
/// A request first waits for its bucket (each bucket has its own queue, so a hot channel delays only itself), then
/// passes the invalid-request guard, then the global limit, where only requests ready to go wait.
/// </remarks>
public sealed class RateLimiter : IRateLimiter
{
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byHash = new(StringComparer.Ordinal);
    private readonly GlobalRateLimit _global;
    private readonly InvalidRequestGuard _guard;
    private readonly RateLimiterOptions _options;

    public RateLimiter(RateLimiterOptions? options = null)
    {
        _options = options ?? new RateLimiterOptions();
        _options.Validate();
        _global = new GlobalRateLimit(_options.GlobalLimit, _options.GlobalWindow, _options.SafetyMargin, _options.TimeProvider);
        _guard = new InvalidRequestGuard(_options);
    }

    /// <summary>Responses in the last <see cref="RateLimiterOptions.InvalidRequestWindow"/> that Discord counts as invalid.</summary>
    public int InvalidRequestCount => _guard.Count;

    /// <summary>Requests waiting for the global limit.</summary>
    public int GloballyWaitingCount => _global.WaitingCount;

    public async ValueTask<RateLimitPermit> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        RateLimitBucket bucket;
        long ticket;
        do
        {
            bucket = Resolve(route);
            ticket = await bucket.EnterAsync(cancellationToken).ConfigureAwait(false);
        }
        while (ticket == RateLimitBucket.Retired);

        try
        {
            await _guard.EnterAsync(route, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            bucket.Return(ticket);
            throw;
        }

        if (!route.IsExemptFromGlobalLimit)
        {
            try
            {
                await _global.EnterAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _guard.Exit(null);
                bucket.Return(ticket);
                throw;
            }
        }

        return new RateLimitPermit(route, bucket, ticket);
    }

    public ValueTask ReleaseAsync(RateLimitPermit permit, RateLimitResponse? response)
    {
        if (permit.State is not RateLimitBucket bucket)
        {
            throw new ArgumentException("The permit was not issued by this limiter.", nameof(permit));
        }

        _guard.Exit(response);
        if (!permit.Route.IsExemptFromGlobalLimit)
        {
            _global.Complete();
        }

        if (response is { IsTooManyRequests: true, Scope: RateLimitScope.Global } global)
        {
            _global.Pause(global.RetryAfter ?? TimeSpan.FromSeconds(1));
        }

        if (response is { Bucket: { } hash } learned && !string.Equals(hash, bucket.Hash, StringComparison.Ordinal))
        {
            Relearn(permit.Route, bucket, permit.Ticket, hash, learned);
        }
        else
        {
            bucket.Release(permit.Ticket, response);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The bucket a route's requests wait in (for tests and diagnostics).</summary>
    internal RateLimitBucket BucketOf(RestRoute route) => Resolve(route);

    private RateLimitBucket Resolve(RestRoute route)
    {
        if (_byRoute.TryGetValue(route.RateLimitKey, out var bucket) && !bucket.IsRetired)
        {
            return bucket;
        }

        // First request of this route and resource, or its placeholder was merged: a bucket whose hash another
        // resource taught us, else a placeholder that sends one request at a time until the first response.
        var candidate = _hashByRoute.TryGetValue(route.BucketRoute, out var hash) ? BucketFor(hash, route) : NewBucket(hash: null);
        return _byRoute.AddOrUpdate(route.RateLimitKey, static (_, fresh) => fresh, static (_, existing, fresh) => existing.IsRetired ? fresh : existing, candidate);
    }

    /// <summary>The response names a bucket this request was not counted in: the first answer, or a hash change.</summary>
    private void Relearn(RestRoute route, RateLimitBucket bucket, long ticket, string hash, RateLimitResponse response)
    {
        _hashByRoute[route.BucketRoute] = hash;
        if (bucket.Hash is null)
        {
            var target = _byHash.GetOrAdd(HashKey(hash, route), bucket);
            if (ReferenceEquals(target, bucket))
            {
                bucket.Adopt(hash);
                bucket.Release(ticket, response);
                return;
            }

            // Another route already taught us this bucket (routes can share one): join it.
            _byRoute[route.RateLimitKey] = target;
            target.Observe(response);
            bucket.Retire();
            return;
        }

        // Discord moved the route to another bucket: later requests wait there; the old one may still serve other routes.
        var moved = BucketFor(hash, route);
        _byRoute[route.RateLimitKey] = moved;
        moved.Observe(response);
        bucket.Forget();
    }

    private RateLimitBucket BucketFor(string hash, RestRoute route) =>
        _byHash.GetOrAdd(HashKey(hash, route), static (_, state) => state.Limiter.NewBucket(state.Hash), (Limiter: this, Hash: hash));

    private RateLimitBucket NewBucket(string? hash) => new(hash, _options.TimeProvider, _options.SafetyMargin);

    private static string HashKey(string hash, RestRoute route) =>
        route.TopLevelResource.Length == 0 ? hash : string.Concat(hash, " ", route.TopLevelResource);
}

namespace Disgo.Rest.RateLimiting;

/// <summary>
/// What a response said about rate limits: its status and the <c>X-RateLimit-*</c> headers, plus <c>retry_after</c>
/// on a 429. Everything an <see cref="IRateLimiter"/> learns from, in plain values a shared limiter can store.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Bucket"><c>X-RateLimit-Bucket</c>, or null.</param>
/// <param name="Limit"><c>X-RateLimit-Limit</c>, or null.</param>
/// <param name="Remaining"><c>X-RateLimit-Remaining</c>, or null.</param>
/// <param name="ResetAfter"><c>X-RateLimit-Reset-After</c>, or null.</param>
/// <param name="Scope"><c>X-RateLimit-Scope</c> on a 429 (<see cref="RateLimitScope.Global"/> also when <c>X-RateLimit-Global</c> or the body says so).</param>
/// <param name="RetryAfter">On a 429: the body's <c>retry_after</c>, else the <c>Retry-After</c> header.</param>
public readonly record struct RateLimitResponse(
    int StatusCode,
    string? Bucket,
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    RateLimitScope Scope = RateLimitScope.None,
    TimeSpan? RetryAfter = null)
{
    public bool IsTooManyRequests => StatusCode == 429;

    /// <summary>Whether the response carried a route limit (all of limit, remaining and reset-after).</summary>
    public bool HasRouteLimit => Limit is not null && Remaining is not null && ResetAfter is not null;

    /// <summary>
    /// Whether Discord counts this response towards the invalid-request ban: 401, 403, and 429 except those with
    /// the <see cref="RateLimitScope.Shared"/> scope.
    /// </summary>
    public bool IsInvalidRequest => StatusCode is 401 or 403 || (StatusCode == 429 && Scope != RateLimitScope.Shared);
}

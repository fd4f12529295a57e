namespace Disgo.Rest.RateLimiting;

/// <summary>
/// Decides when a REST request may be sent. The client asks for a permit before every attempt and reports the
/// response after it, so an implementation can keep its state anywhere: <see cref="RateLimiter"/> keeps it in
/// process; one backed by a shared store lets several processes of one bot share their limits.
/// </summary>
/// <remarks>
/// An implementation must: wait while the route's bucket (learned from <c>X-RateLimit-Bucket</c>, per top-level
/// resource) or the global limit has nothing left; after a reported 429, grant nothing for that bucket (or, for a
/// global 429, for any non-exempt route) before its <c>retry_after</c>; and never let a request wait behind an
/// unrelated bucket.
/// </remarks>
public interface IRateLimiter
{
    /// <summary>Waits until a request to <paramref name="route"/> may be sent.</summary>
    /// <exception cref="InvalidRequestLimitException">Sending could bring the bot near Discord's invalid-request ban.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    ValueTask<RateLimitPermit> AcquireAsync(RestRoute route, CancellationToken cancellationToken);

    /// <summary>
    /// Reports how the request of <paramref name="permit"/> ended: the response's limits, or null when no response
    /// came (a network failure, a timeout or a cancellation). Called exactly once per permit.
    /// </summary>
    ValueTask ReleaseAsync(RateLimitPermit permit, RateLimitResponse? response);
}

namespace Disgo.Rest.RateLimiting;

/// <summary>
/// Leave to send one request, from <see cref="IRateLimiter.AcquireAsync"/>; hand it back to
/// <see cref="IRateLimiter.ReleaseAsync"/> exactly once. <see cref="State"/> and <see cref="Ticket"/> belong to the
/// limiter that issued it (e.g. the bucket and the window the request was counted in).
/// </summary>
public readonly record struct RateLimitPermit(RestRoute Route, object? State, long Ticket);

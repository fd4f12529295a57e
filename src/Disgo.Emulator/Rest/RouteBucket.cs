namespace Disgo.Emulator.Rest;

/// <summary>
/// One REST rate-limit bucket as Discord describes it: <see cref="Limit"/> requests, then none until the bucket resets.
/// The window opens with the first request after a reset, which is what the <c>X-RateLimit-Reset</c> header reports.
/// </summary>
public sealed class RouteBucket
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private int _used;

    public RouteBucket(string id, int limit, TimeSpan period, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Id = id;
        Limit = limit;
        Period = period;
        _time = time;
    }

    /// <summary>The opaque id sent as <c>X-RateLimit-Bucket</c>.</summary>
    public string Id { get; }

    public int Limit { get; }

    public TimeSpan Period { get; }

    /// <summary>Takes one request from the bucket if any is left; the decision carries the header values either way.</summary>
    public RateLimitDecision TryAcquire()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now >= _resetAt)
            {
                _used = 0;
                _resetAt = now + Period;
            }

            var allowed = _used < Limit;
            if (allowed)
                _used++;
            return new RateLimitDecision(allowed, Id, Limit, Limit - _used, _resetAt, _resetAt - now);
        }
    }

    /// <summary>
    /// The bucket's state without taking a request, for answers that do not count against it (a shared-scope 429).
    /// A bucket whose window has ended reports a full window from now, as the next request would open it.
    /// </summary>
    public RateLimitDecision Peek()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            return now >= _resetAt
                ? new RateLimitDecision(true, Id, Limit, Limit, now + Period, Period)
                : new RateLimitDecision(_used < Limit, Id, Limit, Limit - _used, _resetAt, _resetAt - now);
        }
    }
}

/// <summary>The outcome of one request against a <see cref="RouteBucket"/>, with the values its headers report.</summary>
/// <param name="Allowed">False when the request must be answered with 429.</param>
/// <param name="Bucket">The bucket id (<c>X-RateLimit-Bucket</c>).</param>
/// <param name="Limit">Requests per window (<c>X-RateLimit-Limit</c>).</param>
/// <param name="Remaining">Requests left in this window (<c>X-RateLimit-Remaining</c>).</param>
/// <param name="ResetAt">When the window ends (<c>X-RateLimit-Reset</c>, epoch seconds).</param>
/// <param name="ResetAfter">Time until the window ends (<c>X-RateLimit-Reset-After</c>; <c>retry_after</c> on a 429).</param>
public readonly record struct RateLimitDecision(bool Allowed, string Bucket, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan ResetAfter);

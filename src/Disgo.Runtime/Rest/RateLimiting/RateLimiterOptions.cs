namespace Disgo.Rest.RateLimiting;

/// <summary>Settings of the in-process <see cref="RateLimiter"/>. Defaults follow Discord's documented limits.</summary>
public sealed class RateLimiterOptions
{
    /// <summary>Requests per <see cref="GlobalWindow"/> across all routes except interaction ones (Discord: 50 per second).</summary>
    public int GlobalLimit { get; set; } = 50;

    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Added to every learned reset and to the global window, for network jitter and for headers rounded to the
    /// millisecond. Costs that much per window; a 429 costs far more.
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The window Discord counts invalid requests (401, 403, non-shared 429) over: 10 minutes.</summary>
    public TimeSpan InvalidRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>From this many invalid requests in the window on, requests are spaced by <see cref="InvalidRequestSlowInterval"/>.</summary>
    public int InvalidRequestSlowThreshold { get; set; } = 7_500;

    /// <summary>
    /// At this many invalid requests in the window (counting requests still out) nothing more is sent; Discord
    /// bans the IP at 10,000.
    /// </summary>
    public int InvalidRequestStopThreshold { get; set; } = 9_000;

    /// <summary>
    /// The spacing past the slow threshold. 60 ms is 10,000 per 10 minutes: even if every request failed, the count
    /// would grow no faster than it expires at Discord's ban rate.
    /// </summary>
    public TimeSpan InvalidRequestSlowInterval { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>The clock every wait runs on; tests use a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Require(GlobalLimit > 0, nameof(GlobalLimit), "must be at least 1");
        Require(GlobalWindow > TimeSpan.Zero, nameof(GlobalWindow), "must be positive");
        Require(SafetyMargin >= TimeSpan.Zero, nameof(SafetyMargin), "must not be negative");
        Require(InvalidRequestWindow > TimeSpan.Zero, nameof(InvalidRequestWindow), "must be positive");
        Require(InvalidRequestStopThreshold > 0, nameof(InvalidRequestStopThreshold), "must be at least 1");
        Require(
            InvalidRequestSlowThreshold >= 0 && InvalidRequestSlowThreshold <= InvalidRequestStopThreshold,
            nameof(InvalidRequestSlowThreshold),
            $"must be between 0 and {nameof(InvalidRequestStopThreshold)} ({InvalidRequestStopThreshold})");
        Require(InvalidRequestSlowInterval >= TimeSpan.Zero, nameof(InvalidRequestSlowInterval), "must not be negative");
        Require(TimeProvider is not null, nameof(TimeProvider), "is null; use TimeProvider.System");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(RateLimiterOptions)}.{name} {problem}.", name);
        }
    }
}

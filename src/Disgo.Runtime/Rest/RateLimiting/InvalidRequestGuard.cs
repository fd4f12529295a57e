namespace Disgo.Rest.RateLimiting;

/// <summary>
/// Counts the responses Discord holds against the IP (401, 403, and 429 except shared ones) over a sliding window.
/// Past the slow threshold requests are spaced out; at the stop threshold, counting the requests already out,
/// nothing more is sent until old ones expire, well before Discord's ban.
/// </summary>
internal sealed class InvalidRequestGuard
{
    private readonly Lock _sync = new();
    private readonly Queue<long> _invalidAt = new();
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private readonly long _slowIntervalTicks;
    private readonly RateLimiterOptions _options;
    private int _inFlight;
    private long _nextSlowSlot;

    public InvalidRequestGuard(RateLimiterOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _windowTicks = (long)(options.InvalidRequestWindow.TotalSeconds * _time.TimestampFrequency);
        _slowIntervalTicks = (long)(options.InvalidRequestSlowInterval.TotalSeconds * _time.TimestampFrequency);
    }

    /// <summary>Invalid requests in the current window.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return Expire(_time.GetTimestamp());
            }
        }
    }

    /// <summary>
    /// Lets a request out, after a pause when the count is past the slow threshold; counts it as in flight until
    /// <see cref="Exit"/>.
    /// </summary>
    /// <exception cref="InvalidRequestLimitException">Sending could reach the stop threshold.</exception>
    public ValueTask EnterAsync(RestRoute route, CancellationToken cancellationToken)
    {
        long delay;
        lock (_sync)
        {
            var now = _time.GetTimestamp();
            var count = Expire(now);
            if (count + _inFlight >= _options.InvalidRequestStopThreshold)
            {
                var expiresIn = count > 0 ? _time.GetElapsedTime(now, _invalidAt.Peek() + _windowTicks) : TimeSpan.Zero;
                throw new InvalidRequestLimitException(route.ToString(), count, _inFlight, _options.InvalidRequestWindow, expiresIn);
            }

            _inFlight++;
            if (count < _options.InvalidRequestSlowThreshold)
            {
                return ValueTask.CompletedTask;
            }

            var slot = Math.Max(now, _nextSlowSlot);
            _nextSlowSlot = slot + _slowIntervalTicks;
            delay = slot - now;
        }

        return delay == 0 ? ValueTask.CompletedTask : SlowDownAsync(delay, cancellationToken);
    }

    /// <summary>The request of an <see cref="EnterAsync"/> ended; counts its response if Discord counts it.</summary>
    public void Exit(RateLimitResponse? response)
    {
        lock (_sync)
        {
            _inFlight--;
            if (response is { IsInvalidRequest: true })
            {
                _invalidAt.Enqueue(_time.GetTimestamp());
            }
        }
    }

    private async ValueTask SlowDownAsync(long delayTicks, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds((double)delayTicks / _time.TimestampFrequency), _time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Exit(null);
            throw;
        }
    }

    private int Expire(long now)
    {
        while (_invalidAt.TryPeek(out var at) && at + _windowTicks <= now)
        {
            _invalidAt.Dequeue();
        }

        return _invalidAt.Count;
    }
}

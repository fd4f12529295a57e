using Disgo.Gateway.Sending;

namespace Disgo.Rest.RateLimiting;

/// <summary>
/// The bot-wide limit (50 requests per second by default). A request holds its place from when it is let out until
/// a full window after its answer came: Discord counted it somewhere in between, so however Discord aligns its window
/// (and however long a new connection took), no window of Discord's holds more than the limit. Only requests that
/// already have their bucket's permit queue here, so a bucket that waits never holds up the rest. A global 429
/// pauses everyone for its retry_after.
/// </summary>
internal sealed class GlobalRateLimit : FifoGate
{
    private readonly SlidingWindowLog _answered;
    private readonly int _limit;
    private int _outstanding;
    private long _pausedUntil;

    public GlobalRateLimit(int limit, TimeSpan window, TimeSpan margin, TimeProvider time)
        : base(time)
    {
        _limit = limit;
        _answered = new SlidingWindowLog(limit, Ticks(window + margin));
    }

    protected override bool TryTake(long now, out long ticket, out TimeSpan? retryIn)
    {
        ticket = 0;
        retryIn = null;
        if (now < _pausedUntil)
        {
            retryIn = Until(now, _pausedUntil);
            return false;
        }

        if (_outstanding + _answered.CountAt(now) < _limit)
        {
            _outstanding++;
            return true;
        }

        // Every place is out (a completion will pump) or its window has not passed yet.
        if (!_answered.IsEmpty)
        {
            retryIn = Until(now, _answered.OldestExpiry);
        }

        return false;
    }

    /// <summary>A request let out here ended (answered or not): its place frees a window from now.</summary>
    public void Complete()
    {
        lock (Sync)
        {
            _outstanding--;
            _answered.Add(Time.GetTimestamp());
            Pump();
        }
    }

    /// <summary>Discord answered a global 429: nobody goes before <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        lock (Sync)
        {
            _pausedUntil = Math.Max(_pausedUntil, Time.GetTimestamp() + Ticks(retryAfter));
            Pump();
        }
    }
}

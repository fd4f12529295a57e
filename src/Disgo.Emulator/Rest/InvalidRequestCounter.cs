namespace Disgo.Emulator.Rest;

/// <summary>
/// Discord's "Cloudflare ban": invalid requests (401, 403, and 429 other than shared) are counted over a sliding
/// window, and reaching the limit bans the caller for a while. Everyone on loopback is one IP, so there is one counter.
/// </summary>
internal sealed class InvalidRequestCounter(RestLimitOptions options, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _lock = new();
    private DateTimeOffset? _bannedUntil;
    private long _total;

    public long Total
    {
        get
        {
            lock (_lock)
                return _total;
        }
    }

    public int InWindow
    {
        get
        {
            lock (_lock)
            {
                Trim(time.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    /// <summary>When the current ban ends, or null when the caller is not banned.</summary>
    public DateTimeOffset? BannedUntil
    {
        get
        {
            lock (_lock)
                return IsBanned(time.GetUtcNow()) ? _bannedUntil : null;
        }
    }

    /// <summary>Counts one invalid request; the one that reaches the limit starts the ban.</summary>
    public void Count()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Trim(now);
            _recent.Enqueue(now);
            _total++;
            if (_recent.Count >= options.InvalidRequestLimit)
            {
                _bannedUntil = now + options.BanDuration;
                // The ban is the penalty for these; after it the caller starts with a clean window.
                _recent.Clear();
            }
        }
    }

    public bool IsBanned()
    {
        lock (_lock)
            return IsBanned(time.GetUtcNow());
    }

    private bool IsBanned(DateTimeOffset now) => _bannedUntil is { } until && now < until;

    private void Trim(DateTimeOffset now)
    {
        while (_recent.TryPeek(out var oldest) && now - oldest >= options.InvalidRequestWindow)
            _recent.Dequeue();
    }
}

namespace Disgo.Rest.RateLimiting;

/// <summary>
/// One Discord bucket for one top-level resource, as far as this process knows it. Until the first response tells
/// its limits, requests go one at a time; then up to <c>Remaining</c> run at once and the rest wait, in order, for
/// the reset. Each window has a generation, so a late response from an earlier window cannot spoil the count.
/// </summary>
internal sealed class RateLimitBucket : FifoGate
{
    /// <summary>The ticket of a grant from a bucket that was merged into another: look the route up again.</summary>
    public const long Retired = -1;

    private readonly long _marginTicks;
    private volatile string? _hash;
    private volatile bool _retired;
    private bool _known;
    private bool _unlimited;
    private int _limit = 1;
    private int _remaining;
    private long _resetAt;
    private long _heldUntil;
    private long _window;
    private bool _windowPending;
    private long _generation;
    private int _inFlight;

    public RateLimitBucket(string? hash, TimeProvider time, TimeSpan margin)
        : base(time)
    {
        _hash = hash;
        _marginTicks = Ticks(margin);
    }

    /// <summary>The learned <c>X-RateLimit-Bucket</c>; null until the first response.</summary>
    public string? Hash => _hash;

    public bool IsRetired => _retired;

    /// <summary>Limit, remaining and whether the limits are learned, for tests and diagnostics.</summary>
    public (bool Known, int Limit, int Remaining, int InFlight) Snapshot()
    {
        lock (Sync)
        {
            return (_known, _limit, _remaining, _inFlight);
        }
    }

    protected override bool TryTake(long now, out long ticket, out TimeSpan? retryIn)
    {
        retryIn = null;
        ticket = _generation;
        if (_retired)
        {
            ticket = Retired;
            return true;
        }

        if (now < _heldUntil)
        {
            retryIn = Until(now, _heldUntil);
            return false;
        }

        if (_unlimited || (!_known && _inFlight == 0))
        {
            _inFlight++;
            return true;
        }

        if (!_known)
        {
            return false;
        }

        if (!_windowPending && now >= _resetAt)
        {
            // Requests still out (e.g. waiting for the global limit) may reach Discord in its new window, so they
            // count in ours. Until an answer of the new window arrives we do not know when it ends: nobody waits on
            // a timer, and only the limit goes out.
            var free = _limit - _inFlight;
            if (free <= 0)
            {
                return false;
            }

            _remaining = free;
            _windowPending = true;
            ticket = ++_generation;
        }

        if (_remaining > 0)
        {
            _remaining--;
            _inFlight++;
            return true;
        }

        retryIn = _windowPending ? null : Until(now, _resetAt);
        return false;
    }

    /// <summary>The request of <paramref name="ticket"/> ended; learns from its response (null: none came).</summary>
    public void Release(long ticket, RateLimitResponse? response)
    {
        lock (Sync)
        {
            _inFlight--;
            Learn(response, isCurrentWindow: ticket == _generation);
            Settle();
        }
    }

    /// <summary>The request of <paramref name="ticket"/> was never sent: its place in the window is given back.</summary>
    public void Return(long ticket)
    {
        lock (Sync)
        {
            _inFlight--;
            if (_known && !_unlimited && ticket == _generation)
            {
                _remaining = Math.Min(_remaining + 1, _limit);
            }

            Settle();
        }
    }

    /// <summary>A request turned out to belong to another bucket: it no longer counts here.</summary>
    public void Forget()
    {
        lock (Sync)
        {
            _inFlight--;
            Settle();
        }
    }

    /// <summary>Takes in a response of a request that was counted in another bucket (its hash changed on the way).</summary>
    public void Observe(RateLimitResponse response)
    {
        lock (Sync)
        {
            Learn(response, isCurrentWindow: true);
            Pump();
        }
    }

    /// <summary>Takes the hash of a bucket that was unknown (only its single request in flight can teach it).</summary>
    public void Adopt(string hash) => _hash ??= hash;

    /// <summary>This placeholder turned out to be a bucket that already exists: its waiters look their route up again.</summary>
    public void Retire()
    {
        lock (Sync)
        {
            _inFlight--;
            _retired = true;
            Pump();
        }
    }

    /// <summary>After a request left the bucket: wakes the waiters it made room for.</summary>
    private void Settle()
    {
        if (_windowPending && _inFlight == 0)
        {
            // Nothing more can tell us when the new window ends (no answer came, or only late ones): assume it
            // started now.
            _windowPending = false;
            _resetAt = Time.GetTimestamp() + _window;
        }

        Pump();
    }

    private void Learn(RateLimitResponse? response, bool isCurrentWindow)
    {
        var now = Time.GetTimestamp();
        if (response is not { } r)
        {
            return;
        }

        if (r.IsTooManyRequests)
        {
            HoldFor(r, now);
            return;
        }

        if (!r.HasRouteLimit)
        {
            // A route Discord does not limit answers without headers; an error page or a rejected token says nothing.
            if (!_known && r.StatusCode is < 500 and not (401 or 403))
            {
                _known = true;
                _unlimited = true;
            }

            return;
        }

        var resetAt = now + Ticks(r.ResetAfter!.Value) + _marginTicks;
        _window = Math.Max(_window, Ticks(r.ResetAfter.Value) + _marginTicks);
        if (!_known || _unlimited)
        {
            _known = true;
            _unlimited = false;
            _limit = Math.Max(1, r.Limit!.Value);
            _remaining = Math.Max(0, r.Remaining!.Value);
            _resetAt = resetAt;
            _windowPending = false;
            return;
        }

        if (!isCurrentWindow)
        {
            return;
        }

        _limit = Math.Max(1, r.Limit!.Value);
        _resetAt = _windowPending ? resetAt : Math.Max(_resetAt, resetAt);
        _windowPending = false;
        _remaining = Math.Min(_remaining, Math.Max(0, r.Remaining!.Value));
    }

    /// <summary>A 429: nothing more goes out of this bucket before its retry_after (a global one is the global limit's).</summary>
    private void HoldFor(RateLimitResponse r, long now)
    {
        if (r.Scope == RateLimitScope.Global)
        {
            return;
        }

        var until = now + Ticks(r.RetryAfter ?? r.ResetAfter ?? TimeSpan.FromSeconds(1)) + _marginTicks;
        if (r.Scope == RateLimitScope.Shared)
        {
            // Someone else's use of the resource: our own window is intact, only paused.
            _heldUntil = Math.Max(_heldUntil, until);
            return;
        }

        // Our own limit, so our idea of the window was wrong: the server's retry_after is the truth.
        if (r.HasRouteLimit)
        {
            _limit = Math.Max(1, r.Limit!.Value);
        }
        else if (!_known)
        {
            _limit = 1;
        }

        _known = true;
        _unlimited = false;
        _remaining = 0;
        _resetAt = until;
        _windowPending = false;
    }
}

namespace Disgo.Emulator.Rest;

/// <summary>
/// The bot's daily session start budget (<c>session_start_limit</c>): every Identify consumes one start,
/// resumes consume none, and the whole budget comes back when the period ends.
/// </summary>
public sealed class SessionStartBudget
{
    private readonly EmulatorOptions _options;
    private readonly Lock _lock = new();
    private DateTimeOffset _periodEnds;
    private int _remaining;

    public SessionStartBudget(EmulatorOptions options)
    {
        _options = options;
        _remaining = options.SessionStartTotal;
        _periodEnds = options.TimeProvider.GetUtcNow() + options.SessionStartResetPeriod;
    }

    public int Total => _options.SessionStartTotal;

    public int MaxConcurrency => _options.MaxConcurrency;

    /// <summary>Starts left and time until the budget resets, as <c>GET /gateway/bot</c> reports them.</summary>
    public (int Remaining, TimeSpan ResetAfter) Snapshot()
    {
        lock (_lock)
        {
            var now = RollOver();
            return (_remaining, _periodEnds - now);
        }
    }

    /// <summary>Consumes one session start; false when none is left.</summary>
    public bool TryConsume()
    {
        lock (_lock)
        {
            RollOver();
            if (_remaining == 0)
                return false;
            _remaining--;
            return true;
        }
    }

    private DateTimeOffset RollOver()
    {
        var now = _options.TimeProvider.GetUtcNow();
        if (now >= _periodEnds)
        {
            _remaining = _options.SessionStartTotal;
            var periods = ((now - _periodEnds).Ticks / _options.SessionStartResetPeriod.Ticks) + 1;
            _periodEnds += TimeSpan.FromTicks(periods * _options.SessionStartResetPeriod.Ticks);
        }

        return now;
    }
}

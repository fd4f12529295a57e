using Disgo.Emulator.Rest;

namespace Disgo.Emulator.Gateway;

/// <summary>What the gateway makes of an otherwise valid Identify.</summary>
internal enum IdentifyAdmission
{
    Admitted,

    /// <summary>Over <c>max_concurrency</c> in the window, or a second Identify in the shard's bucket: op 9 <c>false</c>.</summary>
    ConcurrencyExceeded,

    /// <summary>No session starts left in the budget: op 9 <c>false</c>.</summary>
    BudgetExhausted,
}

/// <summary>
/// Discord's identify rate limit, shared by every connection of the bot: at most <c>max_concurrency</c> identifies
/// per window, and one per bucket <c>shard_id % max_concurrency</c> per window. An admitted identify consumes one
/// session start from the budget. Rejected identifies use up neither.
/// </summary>
internal sealed class IdentifyLimiter
{
    private readonly Lock _lock = new();
    private readonly EmulatorOptions _options;
    private readonly SessionStartBudget _budget;
    private readonly DateTimeOffset?[] _lastInBucket;
    private readonly Queue<DateTimeOffset> _recent = new();

    public IdentifyLimiter(EmulatorOptions options, SessionStartBudget budget)
    {
        _options = options;
        _budget = budget;
        _lastInBucket = new DateTimeOffset?[options.MaxConcurrency];
    }

    public IdentifyAdmission TryAdmit(int shardId, DateTimeOffset now, out string detail)
    {
        var window = _options.IdentifyWindow;
        var bucket = shardId % _options.MaxConcurrency;
        lock (_lock)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= window)
                _recent.Dequeue();

            if (_lastInBucket[bucket] is { } last && now - last < window)
            {
                detail = $"Identify for shard {shardId} in bucket {bucket} {(now - last).TotalMilliseconds:0} ms after the previous one in that bucket (one per {window.TotalMilliseconds:0} ms).";
                return IdentifyAdmission.ConcurrencyExceeded;
            }

            if (_recent.Count >= _options.MaxConcurrency)
            {
                detail = $"Identify for shard {shardId} would be number {_recent.Count + 1} within {window.TotalMilliseconds:0} ms (max_concurrency {_options.MaxConcurrency}).";
                return IdentifyAdmission.ConcurrencyExceeded;
            }

            // Discord's real answer to an exhausted budget is harsher (all sessions ended, token reset); the emulator
            // answers op 9 false and records it, so a test sees the mistake without losing its emulator.
            if (!_budget.TryConsume())
            {
                detail = $"Identify for shard {shardId} with no session starts left (total {_options.SessionStartTotal}).";
                return IdentifyAdmission.BudgetExhausted;
            }

            _lastInBucket[bucket] = now;
            _recent.Enqueue(now);
            detail = string.Empty;
            return IdentifyAdmission.Admitted;
        }
    }
}

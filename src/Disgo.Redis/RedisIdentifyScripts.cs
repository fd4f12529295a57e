namespace Disgo.Redis;

/// <summary>
/// The Lua scripts that make every step atomic on the Redis server, with its clock: a grant checks the bucket and the
/// budget and takes both in one step; a release frees only the holder's own token.
/// </summary>
internal static class RedisIdentifyScripts
{
    /// <summary>The value of a bucket key during the window after a release.</summary>
    public const string WindowMarker = "window";

    /// <summary>What <see cref="Acquire"/> answers first.</summary>
    public enum AcquireResult
    {
        Granted = 0,
        Held = 1,
        Window = 2,
        Budget = 3,
    }

    /// <summary>
    /// KEYS: bucket, budget. ARGV: token, hold ms, reserve, period ms.
    /// Returns {result, wait ms, remaining starts, budget resets_at}, the last two -1 when no budget is tracked or the
    /// bucket was not free.
    /// </summary>
    public const string Acquire = """
        local holder = redis.call('GET', KEYS[1])
        if holder then
          local result = 1
          if holder == 'window' then result = 2 end
          return {result, redis.call('PTTL', KEYS[1]), -1, -1}
        end
        local remaining = -1
        local resetsAt = -1
        local budget = redis.call('HMGET', KEYS[2], 'remaining', 'resets_at', 'total')
        if budget[1] then
          local clock = redis.call('TIME')
          local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
          remaining = tonumber(budget[1])
          resetsAt = tonumber(budget[2])
          if now >= resetsAt then
            local period = tonumber(ARGV[4])
            resetsAt = resetsAt + (math.floor((now - resetsAt) / period) + 1) * period
            remaining = tonumber(budget[3])
            redis.call('HSET', KEYS[2], 'remaining', remaining, 'resets_at', string.format('%.0f', resetsAt))
          end
          if remaining <= tonumber(ARGV[3]) then
            return {3, resetsAt - now, remaining, resetsAt}
          end
          remaining = redis.call('HINCRBY', KEYS[2], 'remaining', -1)
        end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return {0, 0, remaining, resetsAt}
        """;

    /// <summary>
    /// KEYS: bucket. ARGV: token, window ms (0: free at once), channel, bucket number.
    /// Returns 1 when the token still held the bucket, 0 when its hold had expired (nothing changed).
    /// </summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        if tonumber(ARGV[2]) > 0 then
          redis.call('SET', KEYS[1], 'window', 'PX', ARGV[2])
        else
          redis.call('DEL', KEYS[1])
        end
        redis.call('PUBLISH', ARGV[3], ARGV[4])
        return 1
        """;

    /// <summary>
    /// KEYS: budget. ARGV: remaining, reset_after ms, total. Within the period Redis knows, the lower remaining wins:
    /// Discord's figure may predate identifies other processes sent since. Returns {remaining, resets_at} as now tracked.
    /// </summary>
    public const string SeedBudget = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local current = redis.call('HMGET', KEYS[1], 'remaining', 'resets_at')
        if current[1] and tonumber(current[2]) > now then
          local remaining = math.min(tonumber(current[1]), tonumber(ARGV[1]))
          redis.call('HSET', KEYS[1], 'remaining', remaining, 'total', ARGV[3])
          return {remaining, tonumber(current[2])}
        end
        local resetsAt = now + tonumber(ARGV[2])
        redis.call('HSET', KEYS[1], 'remaining', ARGV[1], 'resets_at', string.format('%.0f', resetsAt), 'total', ARGV[3])
        return {tonumber(ARGV[1]), resetsAt}
        """;
}

using System.Globalization;
using Disgo.Gateway.Coordination;
using Disgo.Models.Gateway;
using Disgo.Sharding;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Disgo.Redis;

/// <summary>
/// Discord's identify rules for every process of a bot, kept in Redis: <c>max_concurrency</c> buckets (<c>shard_id %
/// max_concurrency</c>), each held by one identify from the grant until READY, Invalid Session or the connection's end
/// (or <see cref="RedisIdentifyCoordinatorOptions.HoldTimeout"/>), then closed for a window counted from the release;
/// and one session start budget that every grant draws from, with the reserve never used.
/// </summary>
/// <remarks>
/// <para>
/// Every step is one Lua script on the Redis clock: a grant sets the bucket to a fresh token with <c>PX</c> = hold
/// timeout only if it is free and the budget allows, and decrements the budget in the same step; a release turns the
/// bucket into a window marker with <c>PX</c> = window only if the token still holds it, then publishes the bucket
/// number. So two processes never hold one bucket, a stale release cannot free someone else's hold, and a process that
/// died frees its bucket when the hold expires.
/// </para>
/// <para>
/// Within a process only one shard per bucket asks Redis at a time; the others queue locally. A shard waiting on a
/// bucket held elsewhere wakes on the release notification, or after <see cref="RedisIdentifyCoordinatorOptions.PollInterval"/>
/// at the latest; one waiting on a window or the budget sleeps exactly as long as Redis says.
/// </para>
/// <para>
/// When Redis cannot be asked, <see cref="AcquireAsync"/> throws <see cref="RedisCoordinationException"/>: no identify
/// is ever sent without the gate. A failed release is logged; the bucket frees itself after the hold timeout.
/// </para>
/// </remarks>
public sealed class RedisIdentifyCoordinator : IBucketedIdentifyCoordinator, IAsyncDisposable
{
    private readonly RedisIdentifyCoordinatorOptions _options;
    private readonly IdentifyCoordinatorContext _context;
    private readonly RedisIdentifyKeys _keys;
    private readonly string _server;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly SemaphoreSlim[] _turns;
    private readonly TaskCompletionSource[] _released;
    private readonly RedisValue _holdMilliseconds;
    private readonly RedisValue _windowMilliseconds;

    // Written under _setup; read without it once set.
    private volatile IDatabase? _database;
    private IConnectionMultiplexer? _ownedConnection;
    private bool _disposed;

    // The budget as last seen, guarded by _budgetLock. Answers can arrive out of order, so the latest is the one of the
    // latest period, and within a period the lowest. -1 while none was seen.
    private readonly Lock _budgetLock = new();
    private long _budgetResetsAt = -1;
    private int _remaining = -1;

    /// <param name="options">Where Redis is and the key prefix; checked here.</param>
    /// <param name="context">Discord's limits and the shard manager's settings.</param>
    /// <exception cref="ArgumentException">An option cannot work, or no key prefix can be chosen.</exception>
    public RedisIdentifyCoordinator(RedisIdentifyCoordinatorOptions options, IdentifyCoordinatorContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(context.MaxConcurrency, 1, nameof(context));
        _options = options;
        _context = context;
        var prefix = options.KeyPrefix
            ?? (context.BotId is { } botId ? "disgo:" + botId.ToString(CultureInfo.InvariantCulture) : null)
            ?? throw new ArgumentException(
                "RedisIdentifyCoordinatorOptions.KeyPrefix is not set and the token does not name the bot; set a KeyPrefix that every process of this bot shares.",
                nameof(options));
        _keys = new RedisIdentifyKeys(prefix, context.MaxConcurrency);
        _server = options.DescribeServer();
        _logger = context.LoggerFactory.CreateLogger<RedisIdentifyCoordinator>();
        _turns = new SemaphoreSlim[context.MaxConcurrency];
        _released = new TaskCompletionSource[context.MaxConcurrency];
        for (var i = 0; i < _turns.Length; i++)
        {
            _turns[i] = new SemaphoreSlim(1, 1);
            _released[i] = NewSignal();
        }

        _holdMilliseconds = WholeMilliseconds(options.HoldTimeout);
        _windowMilliseconds = WholeMilliseconds(context.Window);
    }

    public event EventHandler<IdentifyWaitingEventArgs>? Waiting;

    public int MaxConcurrency => _turns.Length;

    public int? RemainingSessionStarts
    {
        get
        {
            lock (_budgetLock)
            {
                return _remaining >= 0 ? _remaining : null;
            }
        }
    }

    /// <summary>What every key and channel of this bot starts with.</summary>
    public string KeyPrefix => _keys.Prefix;

    /// <summary>The bucket of <paramref name="shard"/>: <c>shard_id % max_concurrency</c>.</summary>
    public int BucketOf(ShardInfo? shard) => (shard?.ShardId ?? 0) % _turns.Length;

    public async ValueTask<IIdentifyLease> AcquireAsync(ShardInfo? shard, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(shard);
        var turn = _turns[bucket];
        if (!turn.Wait(0, CancellationToken.None))
        {
            // Another shard of this process is ahead in the bucket; it alone talks to Redis meanwhile.
            RaiseWaiting(shard, bucket, IdentifyWaitReason.BucketHeld, null);
            await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var database = await ConnectAsync().ConfigureAwait(false);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var released = Volatile.Read(ref _released[bucket]).Task;
                var token = Guid.NewGuid().ToString("N");
                var (result, wait) = await TryGrantAsync(database, bucket, token).ConfigureAwait(false);
                switch (result)
                {
                    case RedisIdentifyScripts.AcquireResult.Granted when cancellationToken.IsCancellationRequested:
                        // Granted as the caller gave up: no Identify goes out, so the bucket is free again at once.
                        await ReleaseAsync(bucket, token, window: 0).ConfigureAwait(false);
                        cancellationToken.ThrowIfCancellationRequested();
                        break;
                    case RedisIdentifyScripts.AcquireResult.Granted:
                        RedisIdentifyLog.Granted(_logger, bucket, shard?.ToString() ?? "(none)", RemainingSessionStarts ?? -1);
                        return new RedisIdentifyLease(this, bucket, token);
                    case RedisIdentifyScripts.AcquireResult.Held:
                        RaiseWaiting(shard, bucket, IdentifyWaitReason.BucketHeld, null);
                        await WaitForReleaseAsync(released, wait < _options.PollInterval ? wait : _options.PollInterval, cancellationToken).ConfigureAwait(false);
                        break;
                    case RedisIdentifyScripts.AcquireResult.Window:
                        RaiseWaiting(shard, bucket, IdentifyWaitReason.Window, wait);
                        await Task.Delay(wait, _context.TimeProvider, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        RaiseWaiting(shard, bucket, IdentifyWaitReason.SessionStartBudget, wait);
                        await Task.Delay(wait, _context.TimeProvider, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    public async ValueTask UpdateSessionStartLimitAsync(SessionStartLimit limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit.Remaining);
        var database = await ConnectAsync().ConfigureAwait(false);
        await SeedBudgetAsync(database, limit).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _setup.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_database is { } database)
            {
                await database.Multiplexer.GetSubscriber().UnsubscribeAsync(_keys.Released, OnReleased).ConfigureAwait(false);
            }

            if (_ownedConnection is { } owned)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <summary>Gives a granted bucket back: a window from now, or free at once for <c>window</c> 0. Never throws.</summary>
    internal async ValueTask ReleaseAsync(int bucket, string token, RedisValue window)
    {
        try
        {
            var released = (long)await _database!.ScriptEvaluateAsync(
                RedisIdentifyScripts.Release,
                [_keys.Bucket(bucket)],
                [token, window, _keys.Released.ToString(), bucket]).ConfigureAwait(false);
            if (released == 0)
            {
                RedisIdentifyLog.HoldExpired(_logger, bucket);
            }
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            RedisIdentifyLog.ReleaseFailed(_logger, bucket, exception);
        }
    }

    /// <summary>Lets the next shard of <paramref name="bucket"/> in this process ask Redis.</summary>
    internal void ReturnTurn(int bucket) => _turns[bucket].Release();

    /// <summary>The window after a release, in whole milliseconds for Redis.</summary>
    internal RedisValue WindowMilliseconds => _windowMilliseconds;

    internal TimeProvider TimeProvider => _context.TimeProvider;

    internal TimeSpan HoldTimeout => _options.HoldTimeout;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static RedisValue WholeMilliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    private static bool IsRedisFailure(Exception exception) => exception is RedisException or RedisTimeoutException;

    private async Task<(RedisIdentifyScripts.AcquireResult Result, TimeSpan Wait)> TryGrantAsync(IDatabase database, int bucket, string token)
    {
        RedisResult[] answer;
        try
        {
            answer = (RedisResult[])(await database.ScriptEvaluateAsync(
                RedisIdentifyScripts.Acquire,
                [_keys.Bucket(bucket), _keys.Budget],
                [token, _holdMilliseconds, _context.SessionStartReserve, WholeMilliseconds(_options.SessionStartPeriod)]).ConfigureAwait(false))!;
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            throw Unavailable(exception);
        }

        SawBudget((long)answer[2], (long)answer[3]);

        // At least 1 ms: a key Redis reports with 0 ms left is gone on the next look.
        var wait = TimeSpan.FromMilliseconds(Math.Max(1, (long)answer[1]));
        return ((RedisIdentifyScripts.AcquireResult)(long)answer[0], wait);
    }

    private async Task WaitForReleaseAsync(Task released, TimeSpan atMost, CancellationToken cancellationToken)
    {
        try
        {
            await released.WaitAsync(atMost, _context.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The bounded poll: look again even without a notification.
        }
    }

    /// <summary>Connects (once), subscribes to releases and seeds the budget; retried on the next call if it failed.</summary>
    private async ValueTask<IDatabase> ConnectAsync()
    {
        if (_database is { } ready)
        {
            return ready;
        }

        await _setup.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_database is { } raced)
            {
                return raced;
            }

            var connection = _options.Connection ?? _ownedConnection;
            if (connection is null)
            {
                connection = _ownedConnection = await ConnectionMultiplexer.ConnectAsync(_options.Configuration!).ConfigureAwait(false);
            }

            var database = connection.GetDatabase();
            await connection.GetSubscriber().SubscribeAsync(_keys.Released, OnReleased).ConfigureAwait(false);
            if (_context.SessionStartLimit is { } limit)
            {
                await SeedBudgetAsync(database, limit).ConfigureAwait(false);
            }

            RedisIdentifyLog.Ready(_logger, _server, _keys.Prefix, MaxConcurrency, RemainingSessionStarts ?? -1);
            _database = database;
            return database;
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            throw Unavailable(exception);
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task SeedBudgetAsync(IDatabase database, SessionStartLimit limit)
    {
        try
        {
            var budget = (RedisResult[])(await database.ScriptEvaluateAsync(
                RedisIdentifyScripts.SeedBudget,
                [_keys.Budget],
                [limit.Remaining, WholeMilliseconds(limit.ResetAfter), limit.Total]).ConfigureAwait(false))!;
            SawBudget((long)budget[0], (long)budget[1]);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            throw Unavailable(exception);
        }
    }

    private void SawBudget(long remaining, long resetsAt)
    {
        if (remaining < 0)
        {
            return;
        }

        lock (_budgetLock)
        {
            if (resetsAt > _budgetResetsAt || (resetsAt == _budgetResetsAt && remaining < _remaining))
            {
                (_budgetResetsAt, _remaining) = (resetsAt, (int)remaining);
            }
        }
    }

    private RedisCoordinationException Unavailable(Exception exception)
    {
        RedisIdentifyLog.Unavailable(_logger, _server, exception);
        return new RedisCoordinationException(
            $"Identify coordination through Redis {_server} failed, so no Identify was sent: {exception.Message}", exception);
    }

    private void OnReleased(RedisChannel channel, RedisValue message)
    {
        if (message.TryParse(out int bucket) && (uint)bucket < (uint)_released.Length)
        {
            Interlocked.Exchange(ref _released[bucket], NewSignal()).TrySetResult();
        }
    }

    private void RaiseWaiting(ShardInfo? shard, int bucket, IdentifyWaitReason reason, TimeSpan? delay) =>
        Waiting?.Invoke(this, new IdentifyWaitingEventArgs(shard, bucket, reason, delay));
}

using Disgo.Gateway.Coordination;
using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>
/// Discord's identify rules for every shard of a process: <c>max_concurrency</c> buckets (<c>shard_id %
/// max_concurrency</c>), one identify per bucket per window, so up to <c>max_concurrency</c> shards start together.
/// A bucket stays held from the grant until READY or Invalid Session releases it (or <see
/// cref="BucketedIdentifyCoordinatorOptions.HoldTimeout"/> passes), and the next identify in it waits a full window
/// after that. Every grant takes one start from the session start budget; when only the reserve is left, identifies
/// wait for the reset instead. <see cref="Waiting"/> says why an identify waits.
/// </summary>
/// <remarks>
/// The window counts from the release, not the grant: Discord counts from when it received the Identify, which is
/// always before its answer arrived, so no delay on the way can make two identifies of a bucket look closer than a window.
/// </remarks>
public sealed class BucketedIdentifyCoordinator : IBucketedIdentifyCoordinator
{
    private readonly Lock _lock = new();
    private readonly BucketedIdentifyCoordinatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Bucket[] _buckets;

    // Guarded by _lock. Null when no budget is tracked.
    private int? _remaining;
    private DateTimeOffset _budgetResetsAt;

    public BucketedIdentifyCoordinator(BucketedIdentifyCoordinatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = options.TimeProvider;
        _buckets = new Bucket[options.MaxConcurrency];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new Bucket();
        }

        if (options.SessionStartLimit is { } limit)
        {
            _remaining = limit.Remaining;
            _budgetResetsAt = _time.GetUtcNow() + limit.ResetAfter;
        }
    }

    public event EventHandler<IdentifyWaitingEventArgs>? Waiting;

    public int MaxConcurrency => _buckets.Length;

    public int? RemainingSessionStarts
    {
        get
        {
            lock (_lock)
            {
                RollBudgetOver(_time.GetUtcNow());
                return _remaining;
            }
        }
    }

    /// <summary>The shard manager's default coordinator: the limits of <paramref name="context"/>, for one process.</summary>
    public static BucketedIdentifyCoordinator Create(IdentifyCoordinatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(new BucketedIdentifyCoordinatorOptions
        {
            MaxConcurrency = context.MaxConcurrency,
            Window = context.Window,
            SessionStartLimit = context.SessionStartLimit,
            SessionStartReserve = context.SessionStartReserve,
            TimeProvider = context.TimeProvider,
        });
    }

    /// <summary>The bucket of <paramref name="shard"/>: <c>shard_id % max_concurrency</c>.</summary>
    public int BucketOf(ShardInfo? shard) => (shard?.ShardId ?? 0) % _buckets.Length;

    /// <summary>Takes a fresher budget (e.g. from a new <c>GET /gateway/bot</c>) in place of the tracked one.</summary>
    public void UpdateSessionStartLimit(SessionStartLimit limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit.Remaining);
        lock (_lock)
        {
            _remaining = limit.Remaining;
            _budgetResetsAt = _time.GetUtcNow() + limit.ResetAfter;
        }
    }

    ValueTask IBucketedIdentifyCoordinator.UpdateSessionStartLimitAsync(SessionStartLimit limit, CancellationToken cancellationToken)
    {
        UpdateSessionStartLimit(limit);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IIdentifyLease> AcquireAsync(ShardInfo? shard, CancellationToken cancellationToken)
    {
        var bucketIndex = BucketOf(shard);
        var bucket = _buckets[bucketIndex];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IdentifyWaitReason reason;
            TimeSpan? delay;
            Task held;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                RollBudgetOver(now);
                held = bucket.Released.Task;
                if (bucket.IsHeld)
                {
                    (reason, delay) = (IdentifyWaitReason.BucketHeld, null);
                }
                else if (bucket.FreeAt > now)
                {
                    (reason, delay) = (IdentifyWaitReason.Window, bucket.FreeAt - now);
                }
                else if (_remaining is { } remaining && remaining <= _options.SessionStartReserve)
                {
                    (reason, delay) = (IdentifyWaitReason.SessionStartBudget, _budgetResetsAt - now);
                }
                else
                {
                    _remaining--;
                    bucket.IsHeld = true;
                    bucket.Released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return new Lease(this, bucket);
                }
            }

            Waiting?.Invoke(this, new IdentifyWaitingEventArgs(shard, bucketIndex, reason, delay));
            if (delay is { } wait)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await held.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Release(Bucket bucket)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            bucket.IsHeld = false;
            bucket.FreeAt = _time.GetUtcNow() + _options.Window;
            released = bucket.Released;
        }

        released.TrySetResult();
    }

    private void RollBudgetOver(DateTimeOffset now)
    {
        if (_remaining is null || now < _budgetResetsAt)
        {
            return;
        }

        _remaining = _options.SessionStartLimit!.Value.Total;
        var periods = ((now - _budgetResetsAt).Ticks / _options.SessionStartPeriod.Ticks) + 1;
        _budgetResetsAt += TimeSpan.FromTicks(periods * _options.SessionStartPeriod.Ticks);
    }

    /// <summary>One bucket's state; every field is guarded by the coordinator's lock.</summary>
    private sealed class Bucket
    {
        public bool IsHeld;

        public DateTimeOffset FreeAt = DateTimeOffset.MinValue;

        /// <summary>Completes when the current holder releases; waiters for a held bucket await it.</summary>
        public TaskCompletionSource Released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lease : IIdentifyLease
    {
        private readonly BucketedIdentifyCoordinator _owner;
        private readonly Bucket _bucket;
        private readonly ITimer _holdTimeout;
        private int _released;

        public Lease(BucketedIdentifyCoordinator owner, Bucket bucket)
        {
            _owner = owner;
            _bucket = bucket;
            _holdTimeout = owner._time.CreateTimer(
                static state => ((Lease)state!).ReleaseOnce(),
                this,
                owner._options.HoldTimeout,
                Timeout.InfiniteTimeSpan);
        }

        public ValueTask ReleaseAsync(IdentifyOutcome outcome)
        {
            ReleaseOnce();
            return ValueTask.CompletedTask;
        }

        private void ReleaseOnce()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _holdTimeout.Dispose();
                _owner.Release(_bucket);
            }
        }
    }
}

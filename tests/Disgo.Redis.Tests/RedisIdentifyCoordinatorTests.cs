using System.Collections.Concurrent;
using System.Diagnostics;
using Disgo.Gateway.Coordination;
using Disgo.Models.Gateway;
using Disgo.Sharding;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Disgo.Redis.Tests;

/// <summary>
/// Two coordinators on one real Redis, as two processes of one bot would have. Windows and timeouts are a few hundred
/// milliseconds of real time: Redis expires keys on its own clock.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisIdentifyCoordinatorTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(150);

    private readonly List<RedisIdentifyCoordinator> _coordinators = [];
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private readonly ConcurrentQueue<IdentifyWaitingEventArgs> _waits = new();

    [Fact]
    public async Task Two_coordinators_never_grant_one_bucket_within_a_window_of_its_release()
    {
        var first = Create(maxConcurrency: 2);
        var second = Create(maxConcurrency: 2);
        var grants = new ConcurrentQueue<(int Bucket, TimeSpan GrantedAt, TimeSpan ReleasingAt)>();
        var clock = Stopwatch.StartNew();

        async Task IdentifyAsync(RedisIdentifyCoordinator coordinator, int shardId)
        {
            var lease = await coordinator.AcquireAsync(new ShardInfo(shardId, 12), CancellationToken.None);
            var grantedAt = clock.Elapsed;
            await Task.Delay(10); // Discord's answer
            var releasingAt = clock.Elapsed;
            grants.Enqueue((shardId % 2, grantedAt, releasingAt));
            await lease.ReleaseAsync(IdentifyOutcome.Ready);
        }

        // Both processes start shards of both buckets at once.
        await Task.WhenAll(
            Enumerable.Range(0, 6).Select(shard => IdentifyAsync(first, shard))
                .Concat(Enumerable.Range(6, 6).Select(shard => IdentifyAsync(second, shard))))
            .WaitAsync(SafetyNet);

        Assert.Equal(12, grants.Count);
        foreach (var bucket in grants.GroupBy(g => g.Bucket))
        {
            var ordered = bucket.OrderBy(g => g.GrantedAt).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                // Measured from before the release was asked for to after the grant arrived: never shorter than the truth.
                Assert.True(ordered[i].GrantedAt - ordered[i - 1].ReleasingAt >= Window,
                    $"Bucket {bucket.Key}: a grant {(ordered[i].GrantedAt - ordered[i - 1].ReleasingAt).TotalMilliseconds:0} ms after the previous release.");
            }
        }

        Assert.Contains(_waits, w => w.Reason == IdentifyWaitReason.BucketHeld && w.Delay is null);
        Assert.Contains(_waits, w => w.Reason == IdentifyWaitReason.Window && w.Delay > TimeSpan.Zero && w.Delay <= Window);
    }

    [Fact]
    public async Task A_release_after_the_hold_expired_cannot_free_the_bucket_for_its_new_holder()
    {
        var first = Create(maxConcurrency: 1, holdTimeout: TimeSpan.FromMilliseconds(200));
        var second = Create(maxConcurrency: 1);
        var third = Create(maxConcurrency: 1);
        var stale = await first.AcquireAsync(new ShardInfo(0, 3), CancellationToken.None);

        // The first holder never answers in time: Redis frees the bucket after the hold timeout, and the second takes it.
        var current = await second.AcquireAsync(new ShardInfo(1, 3), CancellationToken.None).AsTask().WaitAsync(SafetyNet);
        await stale.ReleaseAsync(IdentifyOutcome.Ready);

        var bucket = await redis.Connection.GetDatabase().StringGetAsync(BucketKey(0));
        Assert.False(bucket.IsNull);
        Assert.NotEqual("window", bucket.ToString());

        var waiting = new TaskCompletionSource<IdentifyWaitingEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        third.Waiting += (_, w) => waiting.TrySetResult(w);
        var next = third.AcquireAsync(new ShardInfo(2, 3), CancellationToken.None).AsTask();
        Assert.Equal(IdentifyWaitReason.BucketHeld, (await waiting.Task.WaitAsync(SafetyNet)).Reason);
        Assert.False(next.IsCompleted);

        await current.ReleaseAsync(IdentifyOutcome.Ready);
        await (await next.WaitAsync(SafetyNet)).ReleaseAsync(IdentifyOutcome.Ready);
    }

    [Fact]
    public async Task The_hold_of_a_process_that_never_releases_expires_and_frees_its_bucket()
    {
        var holdTimeout = TimeSpan.FromMilliseconds(250);
        var crashed = Create(maxConcurrency: 2, holdTimeout: holdTimeout);
        var survivor = Create(maxConcurrency: 2);
        _ = await crashed.AcquireAsync(new ShardInfo(1, 4), CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var lease = await survivor.AcquireAsync(new ShardInfo(3, 4), CancellationToken.None).AsTask().WaitAsync(SafetyNet);

        Assert.True(clock.Elapsed >= holdTimeout - TimeSpan.FromMilliseconds(50), $"Granted after {clock.Elapsed.TotalMilliseconds:0} ms.");
        Assert.Contains(_waits, w => w.Reason == IdentifyWaitReason.BucketHeld && w.Bucket == 1 && w.Shard == new ShardInfo(3, 4));
        await lease.ReleaseAsync(IdentifyOutcome.Ready);
    }

    [Fact]
    public async Task The_budget_is_shared_between_processes_and_its_reserve_waits_for_the_reset()
    {
        // Discord said 4 starts are left until a reset 1 s away; both processes got that answer before either identified.
        var limit = new SessionStartLimit(Total: 10, Remaining: 4, ResetAfter: TimeSpan.FromSeconds(1), MaxConcurrency: 4);
        var first = Create(maxConcurrency: 4, limit: limit);
        var second = Create(maxConcurrency: 4, limit: limit);

        await IdentifyAsync(first, 0);
        Assert.Equal(3, first.RemainingSessionStarts);
        await IdentifyAsync(second, 1);
        Assert.Equal(2, second.RemainingSessionStarts); // not 3: Redis knows what the first process spent
        await IdentifyAsync(first, 2);
        Assert.Equal(1, first.RemainingSessionStarts);

        // One start is left: the reserve. The next identify waits for the reset instead of using it.
        var waiting = new TaskCompletionSource<IdentifyWaitingEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Waiting += (_, w) => waiting.TrySetResult(w);
        var last = second.AcquireAsync(new ShardInfo(3, 4), CancellationToken.None).AsTask();
        var wait = await waiting.Task.WaitAsync(SafetyNet);
        Assert.Equal(IdentifyWaitReason.SessionStartBudget, wait.Reason);
        Assert.InRange(wait.Delay!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

        await (await last.WaitAsync(SafetyNet)).ReleaseAsync(IdentifyOutcome.Ready);
        Assert.Equal(9, second.RemainingSessionStarts); // the new period's total, less this identify
    }

    [Fact]
    public async Task A_fresher_budget_lowers_the_shared_count_but_never_raises_it_within_the_period()
    {
        var first = Create(maxConcurrency: 1, limit: new SessionStartLimit(1000, 900, TimeSpan.FromHours(1), 1));
        var second = Create(maxConcurrency: 1);
        await IdentifyAsync(first, 0);

        await second.UpdateSessionStartLimitAsync(new SessionStartLimit(1000, 950, TimeSpan.FromHours(1), 1), CancellationToken.None);
        Assert.Equal(899, second.RemainingSessionStarts);
        await second.UpdateSessionStartLimitAsync(new SessionStartLimit(1000, 700, TimeSpan.FromHours(1), 1), CancellationToken.None);
        Assert.Equal(700, second.RemainingSessionStarts);
    }

    [Fact]
    public async Task A_cancelled_wait_holds_nothing_and_lets_the_next_shard_of_the_bucket_ask()
    {
        var holder = Create(maxConcurrency: 1);
        var waiter = Create(maxConcurrency: 1);
        var held = await holder.AcquireAsync(new ShardInfo(0, 2), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiter.Waiting += (_, _) => waiting.TrySetResult();

        var abandoned = waiter.AcquireAsync(new ShardInfo(1, 2), cancel.Token).AsTask();
        await waiting.Task.WaitAsync(SafetyNet);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(SafetyNet));

        await held.ReleaseAsync(IdentifyOutcome.InvalidSession);
        var lease = await waiter.AcquireAsync(new ShardInfo(1, 2), CancellationToken.None).AsTask().WaitAsync(SafetyNet);
        await lease.ReleaseAsync(IdentifyOutcome.Ready);
    }

    [Fact]
    public async Task Redis_out_of_reach_fails_the_acquire_with_a_clear_error_that_never_shows_the_password()
    {
        var logs = new CapturingLoggerFactory();
        var options = new RedisIdentifyCoordinatorOptions
        {
            Configuration = $"127.0.0.1:{RedisServerFixture.FreePort()},password=hunter2-secret,connectTimeout=300",
            KeyPrefix = _prefix,
        };
        await using var coordinator = new RedisIdentifyCoordinator(options, Context(maxConcurrency: 1, logs: logs));

        var failure = await Assert.ThrowsAsync<RedisCoordinationException>(() => coordinator.AcquireAsync(new ShardInfo(0, 1), CancellationToken.None).AsTask().WaitAsync(SafetyNet));

        Assert.Contains("no Identify was sent", failure.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-secret", failure.ToString(), StringComparison.Ordinal);
        Assert.All(logs.Lines, line => Assert.DoesNotContain("hunter2-secret", line, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-secret", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_namespaced_by_the_bot_id_when_no_prefix_is_set()
    {
        var options = new RedisIdentifyCoordinatorOptions { Connection = redis.Connection };

        var coordinator = new RedisIdentifyCoordinator(options, new IdentifyCoordinatorContext { MaxConcurrency = 1, BotId = 123456789012345678 });
        var missing = Assert.Throws<ArgumentException>(() => new RedisIdentifyCoordinator(options, new IdentifyCoordinatorContext { MaxConcurrency = 1 }));

        Assert.Equal("disgo:123456789012345678", coordinator.KeyPrefix);
        Assert.Contains("KeyPrefix", missing.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var coordinator in _coordinators)
        {
            await coordinator.DisposeAsync();
        }
    }

    private static async Task IdentifyAsync(RedisIdentifyCoordinator coordinator, int shardId)
    {
        var lease = await coordinator.AcquireAsync(new ShardInfo(shardId, 4), CancellationToken.None).AsTask().WaitAsync(SafetyNet);
        await lease.ReleaseAsync(IdentifyOutcome.Ready);
    }

    private RedisKey BucketKey(int bucket) => "{" + _prefix + "}:identify:bucket:" + bucket;

    private static IdentifyCoordinatorContext Context(int maxConcurrency, SessionStartLimit? limit = null, ILoggerFactory? logs = null) => new()
    {
        MaxConcurrency = maxConcurrency,
        SessionStartLimit = limit,
        Window = Window,
        LoggerFactory = logs ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
    };

    /// <summary>A coordinator of this test's bot, as one more process would make it.</summary>
    private RedisIdentifyCoordinator Create(int maxConcurrency, SessionStartLimit? limit = null, TimeSpan? holdTimeout = null)
    {
        var coordinator = new RedisIdentifyCoordinator(
            new RedisIdentifyCoordinatorOptions
            {
                Connection = redis.Connection,
                KeyPrefix = _prefix,
                HoldTimeout = holdTimeout ?? TimeSpan.FromSeconds(10),
                PollInterval = TimeSpan.FromMilliseconds(500),
            },
            Context(maxConcurrency, limit));
        coordinator.Waiting += (_, w) => _waits.Enqueue(w);
        _coordinators.Add(coordinator);
        return coordinator;
    }
}

using System.Collections.Concurrent;
using Disgo.Gateway.Coordination;
using Disgo.Models.Gateway;
using Disgo.Sharding;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Sharding;

public sealed class BucketedIdentifyCoordinatorTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sixty_four_shards_with_max_concurrency_16_start_in_exactly_four_windows()
    {
        var coordinator = Coordinator(maxConcurrency: 16);
        var start = _time.GetUtcNow();
        var grants = new ConcurrentQueue<(int Shard, DateTimeOffset At)>();
        var shards = Enumerable.Range(0, 64).Select(async id =>
        {
            var lease = await coordinator.AcquireAsync(new ShardInfo(id, 64), CancellationToken.None);
            grants.Enqueue((id, _time.GetUtcNow()));
            await lease.ReleaseAsync(IdentifyOutcome.Ready);
        }).ToArray();

        for (var window = 0; window < 4; window++)
        {
            var expected = 16 * (window + 1);
            await Eventually.TrueAsync(() => grants.Count >= expected, $"{expected} shards identified");
            await Eventually.SettleAsync();
            Assert.Equal(expected, grants.Count);
            if (window < 3)
            {
                _time.Advance(Window);
            }
        }

        await Task.WhenAll(shards).WaitAsync(Eventually.SafetyNet);
        Assert.Equal(start + (3 * Window), grants.Max(g => g.At));
        foreach (var bucket in grants.GroupBy(g => g.Shard % 16))
        {
            var times = bucket.Select(g => g.At).Order().ToArray();
            Assert.Equal(4, times.Length);
            for (var i = 1; i < times.Length; i++)
            {
                Assert.True(times[i] - times[i - 1] >= Window, $"bucket {bucket.Key} identified twice within one window");
            }
        }

        Assert.All(grants.GroupBy(g => g.At), sameTime => Assert.Equal(16, sameTime.Count()));
    }

    [Fact]
    public async Task A_bucket_stays_held_until_release_then_waits_a_full_window()
    {
        var coordinator = Coordinator(maxConcurrency: 2);
        var reasons = new ConcurrentQueue<IdentifyWaitReason>();
        coordinator.Waiting += (_, e) => reasons.Enqueue(e.Reason);
        var first = await coordinator.AcquireAsync(new ShardInfo(0, 4), CancellationToken.None);

        var otherBucket = await coordinator.AcquireAsync(new ShardInfo(1, 4), CancellationToken.None).AsTask().WaitAsync(Eventually.SafetyNet);
        var sameBucket = coordinator.AcquireAsync(new ShardInfo(2, 4), CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.SettleAsync();
        Assert.False(sameBucket.IsCompleted, "bucket 0 was granted again while its lease was held");

        await first.ReleaseAsync(IdentifyOutcome.Ready);
        await Eventually.TrueAsync(() => reasons.Contains(IdentifyWaitReason.Window), "the waiter saw the window");
        _time.Advance(Window - TimeSpan.FromMilliseconds(1));
        await Eventually.SettleAsync();
        Assert.False(sameBucket.IsCompleted, "granted before a full window after the release");

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var lease = await sameBucket.WaitAsync(Eventually.SafetyNet);
        Assert.Equal(IdentifyWaitReason.BucketHeld, reasons.First());
        await lease.ReleaseAsync(IdentifyOutcome.InvalidSession);
        await otherBucket.ReleaseAsync(IdentifyOutcome.Ready);
    }

    [Fact]
    public async Task A_lease_never_released_frees_its_bucket_after_the_hold_timeout()
    {
        var coordinator = Coordinator(maxConcurrency: 1, configure: o => o.HoldTimeout = TimeSpan.FromSeconds(60));
        _ = await coordinator.AcquireAsync(new ShardInfo(0, 2), CancellationToken.None);

        var next = coordinator.AcquireAsync(new ShardInfo(1, 2), CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(59));
        await Eventually.SettleAsync();
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.SettleAsync();
        _time.Advance(Window);
        await next.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task Releasing_twice_does_not_free_a_bucket_held_by_the_next_lease()
    {
        var coordinator = Coordinator(maxConcurrency: 1);
        var first = await coordinator.AcquireAsync(null, CancellationToken.None);
        await first.ReleaseAsync(IdentifyOutcome.Ready);
        _time.Advance(Window);
        var second = await coordinator.AcquireAsync(null, CancellationToken.None).AsTask().WaitAsync(Eventually.SafetyNet);

        await first.ReleaseAsync(IdentifyOutcome.Ready);
        var third = coordinator.AcquireAsync(null, CancellationToken.None).AsTask();
        _time.Advance(Window);
        await Eventually.SettleAsync();

        Assert.False(third.IsCompleted, "a second release of an old lease freed the bucket");
        await second.ReleaseAsync(IdentifyOutcome.Ready);
        _time.Advance(Window);
        await third.WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public async Task The_budget_reserve_makes_identifies_wait_for_the_reset()
    {
        var limit = new SessionStartLimit(Total: 10, Remaining: 3, ResetAfter: TimeSpan.FromHours(1), MaxConcurrency: 4);
        var coordinator = Coordinator(maxConcurrency: 4, configure: o =>
        {
            o.SessionStartLimit = limit;
            o.SessionStartReserve = 1;
        });
        var waits = new ConcurrentQueue<IdentifyWaitingEventArgs>();
        coordinator.Waiting += (_, e) => waits.Enqueue(e);

        await (await coordinator.AcquireAsync(new ShardInfo(0, 4), CancellationToken.None)).ReleaseAsync(IdentifyOutcome.Ready);
        await (await coordinator.AcquireAsync(new ShardInfo(1, 4), CancellationToken.None)).ReleaseAsync(IdentifyOutcome.Ready);
        Assert.Equal(1, coordinator.RemainingSessionStarts);

        var third = coordinator.AcquireAsync(new ShardInfo(2, 4), CancellationToken.None).AsTask();
        await Eventually.TrueAsync(() => !waits.IsEmpty, "the identify reported its wait");
        var wait = Assert.Single(waits);
        Assert.Equal(IdentifyWaitReason.SessionStartBudget, wait.Reason);
        Assert.Equal(TimeSpan.FromHours(1), wait.Delay);
        _time.Advance(TimeSpan.FromMinutes(59));
        await Eventually.SettleAsync();
        Assert.False(third.IsCompleted, "the reserved session start was used before the reset");

        _time.Advance(TimeSpan.FromMinutes(1));
        await third.WaitAsync(Eventually.SafetyNet);
        Assert.Equal(9, coordinator.RemainingSessionStarts);
    }

    [Fact]
    public async Task A_cancelled_wait_holds_nothing()
    {
        var coordinator = Coordinator(maxConcurrency: 2);
        var holder = await coordinator.AcquireAsync(new ShardInfo(0, 4), CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = coordinator.AcquireAsync(new ShardInfo(2, 4), cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Eventually.SafetyNet));

        await holder.ReleaseAsync(IdentifyOutcome.Ready);
        _time.Advance(Window);
        await coordinator.AcquireAsync(new ShardInfo(2, 4), CancellationToken.None).AsTask().WaitAsync(Eventually.SafetyNet);
    }

    [Fact]
    public void Options_that_cannot_work_fail_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => Coordinator(maxConcurrency: 1, configure: o =>
        {
            o.SessionStartLimit = new SessionStartLimit(2, 2, TimeSpan.Zero, 1);
            o.SessionStartReserve = 2;
        }));

        Assert.Contains("Lower the reserve", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Coordinator(maxConcurrency: 0));
    }

    private BucketedIdentifyCoordinator Coordinator(int maxConcurrency, Action<BucketedIdentifyCoordinatorOptions>? configure = null)
    {
        var options = new BucketedIdentifyCoordinatorOptions { MaxConcurrency = maxConcurrency, Window = Window, TimeProvider = _time };
        configure?.Invoke(options);
        return new BucketedIdentifyCoordinator(options);
    }
}

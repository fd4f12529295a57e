using Disgo.Gateway.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Session;

public sealed class InProcessIdentifyCoordinatorTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task The_first_identify_goes_at_once()
    {
        var coordinator = new InProcessIdentifyCoordinator(timeProvider: _time);

        var lease = await coordinator.AcquireAsync(null, CancellationToken.None).AsTask().WaitAsync(SafetyNet);

        await lease.ReleaseAsync(IdentifyOutcome.Ready);
    }

    [Fact]
    public async Task The_next_identify_waits_for_the_release_and_then_a_full_window()
    {
        var coordinator = new InProcessIdentifyCoordinator(timeProvider: _time);
        var first = await coordinator.AcquireAsync(null, CancellationToken.None);

        var second = coordinator.AcquireAsync(null, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(second.IsCompleted, "granted while the first lease was held");

        await first.ReleaseAsync(IdentifyOutcome.Ready);
        _time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.False(second.IsCompleted, "granted before the window after the release passed");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var lease = await second.WaitAsync(SafetyNet);
        await lease.ReleaseAsync(IdentifyOutcome.InvalidSession);
    }

    [Fact]
    public async Task Releasing_a_lease_twice_frees_only_one_slot()
    {
        var coordinator = new InProcessIdentifyCoordinator(TimeSpan.Zero, _time);
        var first = await coordinator.AcquireAsync(null, CancellationToken.None);
        await first.ReleaseAsync(IdentifyOutcome.ConnectionLost);
        var second = await coordinator.AcquireAsync(null, CancellationToken.None).AsTask().WaitAsync(SafetyNet);

        await first.ReleaseAsync(IdentifyOutcome.ConnectionLost);
        var third = coordinator.AcquireAsync(null, CancellationToken.None).AsTask();
        await Task.Delay(20);

        Assert.False(third.IsCompleted);
        await second.ReleaseAsync(IdentifyOutcome.Ready);
        await third.WaitAsync(SafetyNet);
    }

    [Fact]
    public async Task A_cancelled_wait_holds_nothing()
    {
        var coordinator = new InProcessIdentifyCoordinator(timeProvider: _time);
        var first = await coordinator.AcquireAsync(null, CancellationToken.None);
        await first.ReleaseAsync(IdentifyOutcome.Ready);
        using var cancel = new CancellationTokenSource();

        var waiting = coordinator.AcquireAsync(null, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(SafetyNet));

        _time.Advance(TimeSpan.FromSeconds(5));
        await coordinator.AcquireAsync(null, CancellationToken.None).AsTask().WaitAsync(SafetyNet);
    }
}

using Disgo.Models.Gateway;

namespace Disgo.Gateway.Coordination;

/// <summary>
/// Identifies one at a time within a process: a lease is granted only when no other is held and
/// <see cref="Window"/> has passed since the previous one was released. That is Discord's rule for
/// <c>max_concurrency = 1</c>; bots with a higher concurrency start faster with a bucketed coordinator.
/// </summary>
/// <remarks>
/// The window counts from the release (READY or Invalid Session received), not from the send: the gateway counts from
/// when it received the previous Identify, which is always before its answer arrived, so no delay on the way can make
/// two identifies look closer together to Discord than the window. Share one instance between all sessions of a
/// process; each session that gets none makes its own.
/// </remarks>
public sealed class InProcessIdentifyCoordinator : IIdentifyCoordinator
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private readonly TimeProvider _timeProvider;

    // Written and read only by the holder of _slot, whose hand-over orders the accesses.
    private long? _releasedAt;

    /// <param name="window">Time between one release and the next grant; Discord's 5 s by default.</param>
    /// <param name="timeProvider">The clock the window runs on; the system clock by default.</param>
    public InProcessIdentifyCoordinator(TimeSpan? window = null, TimeProvider? timeProvider = null)
    {
        Window = window ?? DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.Zero, nameof(window));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Discord's identify window.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromSeconds(5);

    public TimeSpan Window { get; }

    public async ValueTask<IIdentifyLease> AcquireAsync(ShardInfo? shard, CancellationToken cancellationToken)
    {
        await _slot.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_releasedAt is { } releasedAt)
            {
                var wait = Window - _timeProvider.GetElapsedTime(releasedAt);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            return new Lease(this);
        }
        catch
        {
            _slot.Release();
            throw;
        }
    }

    private void Release()
    {
        _releasedAt = _timeProvider.GetTimestamp();
        _slot.Release();
    }

    private sealed class Lease(InProcessIdentifyCoordinator owner) : IIdentifyLease
    {
        private int _released;

        public ValueTask ReleaseAsync(IdentifyOutcome outcome)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}

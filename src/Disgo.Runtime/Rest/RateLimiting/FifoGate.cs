namespace Disgo.Rest.RateLimiting;

/// <summary>
/// A gate that hands out grants in arrival order: a caller gets one at once if nobody waits and the subclass has
/// room, else it queues. Waiters are granted when the subclass's state changes (<see cref="Pump"/>) or when the
/// time it named comes (one timer on the <see cref="TimeProvider"/>). Grants and cancellations happen under one
/// lock, so a cancelled waiter never swallows a grant.
/// </summary>
internal abstract class FifoGate
{
    private readonly Queue<Waiter> _waiters = new();
    private ITimer? _timer;
    private long _timerDue = long.MaxValue;

    protected FifoGate(TimeProvider time) => Time = time;

    protected TimeProvider Time { get; }

    /// <summary>Guards the subclass's state as well as the queue.</summary>
    protected Lock Sync { get; } = new();

    /// <summary>How many callers wait (for tests and diagnostics).</summary>
    public int WaitingCount
    {
        get
        {
            lock (Sync)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>
    /// Under <see cref="Sync"/>: takes one grant at <paramref name="now"/> and returns its ticket, or returns false
    /// with the delay after which to try again (null: wait for a <see cref="Pump"/>).
    /// </summary>
    protected abstract bool TryTake(long now, out long ticket, out TimeSpan? retryIn);

    /// <summary>Waits for a grant; the ticket is the one <see cref="TryTake"/> returned.</summary>
    public ValueTask<long> EnterAsync(CancellationToken cancellationToken)
    {
        lock (Sync)
        {
            if (_waiters.Count == 0 && TryTake(Time.GetTimestamp(), out var ticket, out _))
            {
                return new ValueTask<long>(ticket);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(this);
            waiter.Watch(cancellationToken);
            _waiters.Enqueue(waiter);

            // Cancelled waiters may still sit at the head; pumping clears them and schedules the next wake-up.
            Pump();
            return new ValueTask<long>(waiter.Task);
        }
    }

    /// <summary>Under <see cref="Sync"/>, after a state change: grants to waiters in order while there is room.</summary>
    protected void Pump()
    {
        while (_waiters.TryPeek(out var waiter))
        {
            if (waiter.Task.IsCompleted)
            {
                _waiters.Dequeue();
                continue;
            }

            if (!TryTake(Time.GetTimestamp(), out var ticket, out var retryIn))
            {
                ScheduleLocked(retryIn);
                return;
            }

            _waiters.Dequeue();
            waiter.Grant(ticket);
        }
    }

    /// <summary>Under <see cref="Sync"/>: converts a duration to <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    protected long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Time.TimestampFrequency);

    /// <summary>The time from <paramref name="now"/> until the timestamp <paramref name="at"/>.</summary>
    protected TimeSpan Until(long now, long at) => Time.GetElapsedTime(now, at);

    private void ScheduleLocked(TimeSpan? retryIn)
    {
        if (retryIn is not { } delay)
        {
            return;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        // Keep the earlier of two wake-ups: an early wake-up only re-checks, a late one would waste capacity.
        var due = Time.GetTimestamp() + Ticks(delay);
        if (due < _timerDue)
        {
            _timerDue = due;

            // Created on first need: most buckets never make anyone wait.
            _timer ??= Time.CreateTimer(static state => ((FifoGate)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (Sync)
        {
            _timerDue = long.MaxValue;
            Pump();
        }
    }

    private sealed class Waiter(FifoGate gate) : TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private CancellationTokenRegistration _registration;

        /// <summary>Called under the gate's lock (re-entrant), so a token cancelled already cancels at once.</summary>
        public void Watch(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static (state, token) => ((Waiter)state!).Cancel(token), this);
            }
        }

        public void Grant(long ticket)
        {
            TrySetResult(ticket);

            // Unregister, not Dispose: Dispose would wait for a running Cancel, which waits for the lock we hold.
            _registration.Unregister();
        }

        private void Cancel(CancellationToken token)
        {
            lock (gate.Sync)
            {
                TrySetCanceled(token);
            }
        }
    }
}

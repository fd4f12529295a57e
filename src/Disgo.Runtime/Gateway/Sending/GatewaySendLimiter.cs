namespace Disgo.Gateway.Sending;

/// <summary>
/// The send budget of one gateway connection: at most 120 payloads in any 60 s, of which the last few are reserved
/// for heartbeats, identify and resume, so user commands can never delay them; presence updates are also held to
/// 5 per 20 s. Callers wait (cancellably, first come first served within each kind) instead of being refused, so
/// nothing is dropped and the connection is never closed with 4008. Discord counts per connection, so every new
/// connection gets a new limiter.
/// </summary>
/// <remarks>
/// A slot is taken when it is granted, a moment before the payload leaves. Both windows are therefore one second longer
/// than Discord's, so a send that waited behind another on the socket still falls inside Discord's count.
/// </remarks>
internal sealed class GatewaySendLimiter : IDisposable
{
    /// <summary>Discord's limit: payloads per connection per <see cref="Window"/>; the next one closes the connection with 4008.</summary>
    public const int PayloadsPerWindow = 120;

    /// <summary>Discord's limit on presence updates per <see cref="PresenceWindow"/>.</summary>
    public const int PresenceUpdatesPerWindow = 5;

    /// <summary>Slots user commands may not use, when the heartbeat interval is not known yet.</summary>
    public const int DefaultReservedSlots = 5;

    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly SlidingWindowLog _sent;
    private readonly SlidingWindowLog _presenceUpdates;
    private readonly int _commandLimit;
    private readonly Queue<Waiter> _reservedWaiters = new();
    private readonly Queue<Waiter> _commandWaiters = new();
    private readonly Queue<Waiter> _presenceWaiters = new();
    private readonly ITimer _timer;
    private long _nextTicket;
    private bool _disposed;

    public GatewaySendLimiter(TimeProvider timeProvider, int reservedSlots = DefaultReservedSlots)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(reservedSlots);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reservedSlots, PayloadsPerWindow);
        _timeProvider = timeProvider;
        _commandLimit = PayloadsPerWindow - reservedSlots;
        _sent = new SlidingWindowLog(PayloadsPerWindow, ToTimestampTicks(Window + SafetyMargin));
        _presenceUpdates = new SlidingWindowLog(PresenceUpdatesPerWindow, ToTimestampTicks(PresenceWindow + SafetyMargin));
        _timer = timeProvider.CreateTimer(static state => ((GatewaySendLimiter)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Discord's send window.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord's presence update window.</summary>
    public static TimeSpan PresenceWindow { get; } = TimeSpan.FromSeconds(20);

    /// <summary>How much longer than Discord's each window is kept, to cover the time between a grant and the send.</summary>
    public static TimeSpan SafetyMargin { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How many of the 120 slots user commands may use in any window.</summary>
    public int CommandLimit => _commandLimit;

    /// <summary>
    /// Enough reserved slots for a connection beating every <paramref name="heartbeatInterval"/>: its heartbeats in one
    /// window, one more for the jittered first beat, and two for an identify or resume and a heartbeat the server asks
    /// for. Never less than <see cref="DefaultReservedSlots"/>, never more than half the window.
    /// </summary>
    public static int ReservedSlotsFor(TimeSpan heartbeatInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatInterval, TimeSpan.Zero);
        var beats = Math.Ceiling((Window + SafetyMargin) / heartbeatInterval);
        return (int)Math.Clamp(beats + 3, DefaultReservedSlots, PayloadsPerWindow / 2);
    }

    /// <summary>
    /// Takes a slot for one payload of <paramref name="kind"/>, waiting until there is one. Completes at once, without
    /// allocating, when there is room and nobody of the same kind is waiting ahead.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first; no slot was taken.</exception>
    /// <exception cref="ObjectDisposedException">The connection's limiter was disposed (the connection is gone).</exception>
    public ValueTask AcquireAsync(GatewaySendKind kind, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetTimestamp();

            // Older waiters whose slot has come (the timer may not have fired yet) go first.
            GrantWaiters(now);
            var waiters = WaitersOf(kind);
            if (FirstLive(waiters) is null && HasRoom(kind, now))
            {
                Record(kind, now);
                return ValueTask.CompletedTask;
            }

            var waiter = new Waiter(this, kind, ++_nextTicket);
            waiters.Enqueue(waiter);
            waiter.Registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((Waiter)state!).Cancel(token),
                waiter);
            ScheduleTimer(now);
            return new ValueTask(waiter.Task);
        }
    }

    /// <summary>Fails every waiting caller with <see cref="ObjectDisposedException"/>; the connection is gone.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            var disposed = new ObjectDisposedException(nameof(GatewaySendLimiter), "The gateway connection was closed before the payload could be sent.");
            foreach (var waiters in (ReadOnlySpan<Queue<Waiter>>)[_reservedWaiters, _commandWaiters, _presenceWaiters])
            {
                while (waiters.TryDequeue(out var waiter))
                {
                    waiter.Registration.Unregister();
                    waiter.TrySetException(disposed);
                }
            }
        }
    }

    private static bool IsReserved(GatewaySendKind kind) => kind is GatewaySendKind.Heartbeat or GatewaySendKind.Identify or GatewaySendKind.Resume;

    private static Waiter? FirstLive(Queue<Waiter> waiters)
    {
        // Cancelled waiters stay queued until they reach the front.
        while (waiters.TryPeek(out var waiter))
        {
            if (!waiter.Task.IsCompleted)
            {
                return waiter;
            }

            waiters.Dequeue();
        }

        return null;
    }

    private Queue<Waiter> WaitersOf(GatewaySendKind kind) => kind switch
    {
        GatewaySendKind.Command => _commandWaiters,
        GatewaySendKind.PresenceUpdate => _presenceWaiters,
        _ when IsReserved(kind) => _reservedWaiters,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown gateway send kind."),
    };

    private bool HasRoom(GatewaySendKind kind, long now) => kind switch
    {
        GatewaySendKind.Command => _sent.HasRoom(now, _commandLimit),
        GatewaySendKind.PresenceUpdate => _sent.HasRoom(now, _commandLimit) && _presenceUpdates.HasRoom(now, PresenceUpdatesPerWindow),
        _ => _sent.HasRoom(now, PayloadsPerWindow),
    };

    private void Record(GatewaySendKind kind, long now)
    {
        _sent.Add(now);
        if (kind == GatewaySendKind.PresenceUpdate)
        {
            _presenceUpdates.Add(now);
        }
    }

    private void GrantWaiters(long now)
    {
        // Heartbeats, identify and resume first: they may use every slot.
        while (FirstLive(_reservedWaiters) is { } reserved && _sent.HasRoom(now, PayloadsPerWindow))
        {
            _reservedWaiters.Dequeue();
            Grant(reserved, now);
        }

        // Then user commands in arrival order. A presence update held back by its own limit lets later commands pass.
        while (_sent.HasRoom(now, _commandLimit))
        {
            var command = FirstLive(_commandWaiters);
            var presence = FirstLive(_presenceWaiters);
            if (presence is not null
                && _presenceUpdates.HasRoom(now, PresenceUpdatesPerWindow)
                && (command is null || presence.Ticket < command.Ticket))
            {
                _presenceWaiters.Dequeue();
                Grant(presence, now);
            }
            else if (command is not null)
            {
                _commandWaiters.Dequeue();
                Grant(command, now);
            }
            else
            {
                break;
            }
        }
    }

    private void Grant(Waiter waiter, long now)
    {
        Record(waiter.Kind, now);

        // Unregister, not Dispose: Dispose would wait for a cancellation callback blocked on this lock.
        waiter.Registration.Unregister();
        waiter.TrySetResult();
    }

    private void ScheduleTimer(long now)
    {
        long? due = null;
        if (FirstLive(_reservedWaiters) is not null || FirstLive(_commandWaiters) is not null || FirstLive(_presenceWaiters) is not null)
        {
            // Waiters left after a grant pass means the window is full (for them), so the log is not empty.
            due = _sent.IsEmpty ? null : _sent.OldestExpiry;
        }

        if (FirstLive(_presenceWaiters) is not null && !_presenceUpdates.IsEmpty)
        {
            due = Math.Min(due ?? long.MaxValue, _presenceUpdates.OldestExpiry);
        }

        _timer.Change(due is { } at ? TimeUntil(now, at) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _timeProvider.GetTimestamp();
            GrantWaiters(now);
            ScheduleTimer(now);
        }
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)Math.Ceiling(duration.TotalSeconds * _timeProvider.TimestampFrequency);

    private TimeSpan TimeUntil(long now, long at)
    {
        // Rounded up, so the timer never fires before the slot is free.
        var frequency = _timeProvider.TimestampFrequency;
        var ticks = (Math.Max(at - now, 0) * TimeSpan.TicksPerSecond + frequency - 1) / frequency;
        return TimeSpan.FromTicks(Math.Max(ticks, 1));
    }

    private sealed class Waiter(GatewaySendLimiter limiter, GatewaySendKind kind, long ticket)
        : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public GatewaySendKind Kind { get; } = kind;

        public long Ticket { get; } = ticket;

        public CancellationTokenRegistration Registration { get; set; }

        public void Cancel(CancellationToken cancellationToken)
        {
            lock (limiter._gate)
            {
                TrySetCanceled(cancellationToken);
            }
        }
    }
}

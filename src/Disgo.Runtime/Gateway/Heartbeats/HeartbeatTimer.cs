namespace Disgo.Gateway.Heartbeats;

/// <summary>
/// The heartbeat rhythm of one connection: the first beat after <c>interval * jitter</c> (jitter uniform in [0, 1), to
/// spread reconnect storms), then one every interval, on a schedule that does not drift with send times. A beat that
/// comes due while the previous one is still unacknowledged means the connection is a zombie. Latency is the time from
/// a beat to its ACK. Every wait runs on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class HeartbeatTimer
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _countLock = new();
    private long _lastBeatAt;
    private int _awaitingAck;
    private long _latencyTicks = -1;

    // Guarded by _countLock. Discord answers every beat with one ACK, in order: ACK n is the answer to beat n.
    private long _beats;
    private long _acks;
    private List<(long Beat, TaskCompletionSource Acked)>? _ackWaiters;

    /// <param name="interval">The <c>heartbeat_interval</c> from Hello.</param>
    /// <param name="timeProvider">The clock every wait runs on.</param>
    /// <param name="jitter">Returns a value in [0, 1) for the first beat; <see cref="Random.Shared"/> by default.</param>
    public HeartbeatTimer(TimeSpan interval, TimeProvider timeProvider, Func<double>? jitter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var fraction = (jitter ?? Random.Shared.NextDouble)();
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), fraction, "The jitter source must return a value in [0, 1).");
        }

        _timeProvider = timeProvider;
        Interval = interval;
        FirstBeatDelay = interval * fraction;
    }

    public TimeSpan Interval { get; }

    /// <summary>How long after Hello the first beat goes out.</summary>
    public TimeSpan FirstBeatDelay { get; }

    /// <summary>The time from the last acknowledged beat to its ACK; <see langword="null"/> before the first ACK.</summary>
    public TimeSpan? Latency
    {
        get
        {
            var ticks = Volatile.Read(ref _latencyTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
    }

    /// <summary>Whether a beat has gone out that has not been acknowledged yet.</summary>
    public bool IsAwaitingAck => Volatile.Read(ref _awaitingAck) == 1;

    /// <summary>
    /// Sends beats on schedule until one comes due while the previous is unacknowledged: the method then returns and
    /// the caller closes the connection (with a code other than 1000/1001) and resumes. Runs until cancelled otherwise.
    /// </summary>
    /// <param name="sendHeartbeat">Sends op 1 with the last sequence.</param>
    /// <param name="isReceivePaused">
    /// Whether the receive loop is stopped (waiting for room in the dispatch queue): an ACK may then be sitting unread,
    /// so a missing one proves nothing and the beat goes out anyway.
    /// </param>
    /// <param name="cancellationToken">Stops the beats.</param>
    public async Task RunUntilZombiedAsync(
        Func<CancellationToken, ValueTask> sendHeartbeat,
        Func<bool>? isReceivePaused,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sendHeartbeat);
        var due = _timeProvider.GetTimestamp() + ToTimestampTicks(FirstBeatDelay);
        while (true)
        {
            var wait = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (IsAwaitingAck && isReceivePaused?.Invoke() != true)
            {
                return;
            }

            RecordBeatSent();
            await sendHeartbeat(cancellationToken).ConfigureAwait(false);
            due += ToTimestampTicks(Interval);
        }
    }

    /// <summary>
    /// Notes that a beat went out now. <see cref="RunUntilZombiedAsync"/> calls it for its own beats; call it for a beat
    /// sent at once because the server asked for one (op 1), so its ACK is matched to it.
    /// </summary>
    /// <returns>The beat's number on this connection, for <see cref="AckedAsync"/>.</returns>
    public long RecordBeatSent()
    {
        Volatile.Write(ref _lastBeatAt, _timeProvider.GetTimestamp());
        Volatile.Write(ref _awaitingAck, 1);
        lock (_countLock)
        {
            return ++_beats;
        }
    }

    /// <summary>Notes an ACK (op 11): the connection is alive, and the latency is measured from the last beat.</summary>
    public void RecordAck()
    {
        if (Interlocked.Exchange(ref _awaitingAck, 0) == 1)
        {
            var latency = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastBeatAt));
            Volatile.Write(ref _latencyTicks, latency.Ticks);
        }

        lock (_countLock)
        {
            var acks = ++_acks;
            for (var i = (_ackWaiters?.Count ?? 0) - 1; i >= 0; i--)
            {
                if (_ackWaiters![i].Beat <= acks)
                {
                    _ackWaiters[i].Acked.TrySetResult();
                    _ackWaiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>
    /// Completes when beat number <paramref name="beat"/> (from <see cref="RecordBeatSent"/>) has been acknowledged.
    /// The ACK of an earlier beat does not count: only the answer to this beat proves the server had read it.
    /// </summary>
    public Task AckedAsync(long beat)
    {
        lock (_countLock)
        {
            if (_acks >= beat)
            {
                return Task.CompletedTask;
            }

            var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (_ackWaiters ??= []).Add((beat, acked));
            return acked.Task;
        }
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)Math.Ceiling(duration.TotalSeconds * _timeProvider.TimestampFrequency);
}

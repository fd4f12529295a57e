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
    private long _lastBeatAt;
    private int _awaitingAck;
    private long _latencyTicks = -1;

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
    public void RecordBeatSent()
    {
        Volatile.Write(ref _lastBeatAt, _timeProvider.GetTimestamp());
        Volatile.Write(ref _awaitingAck, 1);
    }

    /// <summary>Notes an ACK (op 11): the connection is alive, and the latency is measured from the last beat.</summary>
    public void RecordAck()
    {
        if (Interlocked.Exchange(ref _awaitingAck, 0) == 1)
        {
            var latency = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastBeatAt));
            Volatile.Write(ref _latencyTicks, latency.Ticks);
        }
    }

    private long ToTimestampTicks(TimeSpan duration) =>
        (long)Math.Ceiling(duration.TotalSeconds * _timeProvider.TimestampFrequency);
}

using Disgo.Emulator.Observation;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>How a Resume of a session went.</summary>
internal enum ResumeOutcome
{
    /// <summary>Replay and RESUMED are queued on the new connection.</summary>
    Resumed,

    /// <summary>The session ended or its resume window passed: op 9 <c>false</c>.</summary>
    Gone,

    /// <summary>The dispatches after <c>seq</c> already fell out of the replay buffer: op 9 <c>false</c>.</summary>
    TooOld,

    /// <summary><c>seq</c> is beyond anything the session sent (or negative): 4007.</summary>
    InvalidSequence,
}

/// <summary>
/// One gateway session: its sequence counter, the dispatches it keeps for replay, and the connection carrying it
/// (at most one). It outlives a dropped connection for <see cref="EmulatorOptions.SessionResumeTtl"/>, collecting
/// dispatches for the replay, and then expires.
/// </summary>
internal sealed class EmulatedSession
{
    private readonly Lock _lock = new();
    private readonly ReplayBuffer _replay;
    private readonly TimeProvider _time;
    private readonly TimeSpan _resumeTtl;
    private readonly Action<EmulatedSession> _expired;
    private GatewayConnection? _connection;
    private DateTimeOffset _detachedAt;
    private ITimer? _expiry;
    private long _sequence;
    private bool _ended;

    public EmulatedSession(string id, ShardTuple? shard, long intents, int largeThreshold, EmulatorOptions options, Action<EmulatedSession> expired)
    {
        Id = id;
        Shard = shard;
        Intents = intents;
        LargeThreshold = largeThreshold;
        _replay = new ReplayBuffer(options.ReplayBufferCapacity);
        _time = options.TimeProvider;
        _resumeTtl = options.SessionResumeTtl;
        _expired = expired;
    }

    public string Id { get; }

    /// <summary>The shard tuple from Identify; null means none was sent, which Discord treats as <c>[0, 1]</c>.</summary>
    public ShardTuple? Shard { get; }

    public int ShardId => Shard?.ShardId ?? 0;

    public int NumShards => Shard?.NumShards ?? 1;

    public long Intents { get; }

    public int LargeThreshold { get; }

    /// <summary>Whether Discord routes <paramref name="guildId"/>'s events to this session's shard.</summary>
    public bool Holds(ulong guildId) => EmulatedWorld.ShardOf(guildId, NumShards) == ShardId;

    public GatewaySessionInfo Snapshot()
    {
        lock (_lock)
            return new GatewaySessionInfo(Id, Shard, _sequence, _connection is not null, _connection?.Id, Intents);
    }

    /// <summary>
    /// Gives a new session its first connection, makes it visible with <paramref name="publish"/> and queues its
    /// opening dispatches with <paramref name="open"/>, all under the session's lock: routing sees the session as soon
    /// as the client can see READY, yet cannot number a live event before READY (<c>s=1</c>) and the GUILD_CREATEs.
    /// </summary>
    public void Open(GatewayConnection connection, Action<EmulatedSession> publish, Action<EmulatedSession> open)
    {
        lock (_lock)
        {
            _connection = connection;
            publish(this);
            open(this);
        }
    }

    /// <summary>
    /// Gives <paramref name="dispatch"/> the next sequence number, keeps it for replay, and queues it on the
    /// connection if one is attached. False if the session has ended.
    /// </summary>
    public bool Dispatch(PreEncodedDispatch dispatch)
    {
        lock (_lock)
        {
            if (_ended)
                return false;
            var sequence = ++_sequence;
            _replay.Add(sequence, dispatch);
            _connection?.Writer.TryEnqueue(new OutboundFrame(OutboundKind.Dispatch, Dispatch: dispatch, Sequence: sequence));
            return true;
        }
    }

    /// <summary>
    /// The fast path: <paramref name="count"/> copies of <paramref name="dispatch"/> with consecutive sequence numbers,
    /// kept for replay and queued as one batch. Null if no connection carries the session.
    /// </summary>
    public StreamBatch? DispatchBatch(PreEncodedDispatch dispatch, int count)
    {
        lock (_lock)
        {
            if (_ended || _connection is null)
                return null;
            var batch = new StreamBatch(dispatch, _sequence + 1, count);
            for (var i = 0; i < count; i++)
                _replay.Add(++_sequence, dispatch);
            if (!_connection.Writer.TryEnqueue(new OutboundFrame(OutboundKind.Stream, Batch: batch)))
                batch.Complete(0);
            return batch;
        }
    }

    /// <summary>
    /// Moves the session to <paramref name="connection"/>: queues every kept dispatch after <paramref name="sequence"/>
    /// in order, then RESUMED. <paramref name="displaced"/> is a connection that still carried the session.
    /// </summary>
    public ResumeOutcome Resume(GatewayConnection connection, long sequence, out GatewayConnection? displaced)
    {
        displaced = null;
        lock (_lock)
        {
            if (_ended || (_connection is null && _time.GetUtcNow() - _detachedAt >= _resumeTtl))
                return ResumeOutcome.Gone;
            if (sequence < 0 || sequence > _sequence)
                return ResumeOutcome.InvalidSequence;
            if (!_replay.CanReplayAfter(sequence))
                return ResumeOutcome.TooOld;

            if (!ReferenceEquals(_connection, connection))
                displaced = _connection;
            _connection = connection;
            _expiry?.Dispose();
            _expiry = null;
            for (var replayed = sequence + 1; replayed <= _sequence; replayed++)
                connection.Writer.TryEnqueue(new OutboundFrame(OutboundKind.Dispatch, Dispatch: _replay[replayed], Sequence: replayed));
            var resumed = ++_sequence;
            _replay.Add(resumed, GatewayPayloads.Resumed);
            connection.Writer.TryEnqueue(new OutboundFrame(OutboundKind.Dispatch, Dispatch: GatewayPayloads.Resumed, Sequence: resumed));
            return ResumeOutcome.Resumed;
        }
    }

    /// <summary>
    /// <paramref name="connection"/> is gone but the session stays resumable: dispatches are kept from now on,
    /// and the session expires after the resume window unless resumed. No-op if another connection carries it.
    /// </summary>
    public void Detach(GatewayConnection connection)
    {
        lock (_lock)
        {
            if (_ended || !ReferenceEquals(_connection, connection))
                return;
            _connection = null;
            _detachedAt = _time.GetUtcNow();
            _expiry = _time.CreateTimer(static state => ((EmulatedSession)state!).Expire(), this, _resumeTtl, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Ends the session for good: nothing is routed to it and it cannot be resumed.</summary>
    public void End()
    {
        lock (_lock)
        {
            _ended = true;
            _connection = null;
            _expiry?.Dispose();
            _expiry = null;
        }
    }

    private void Expire()
    {
        lock (_lock)
        {
            if (_ended || _connection is not null)
                return;
            _ended = true;
            _expiry?.Dispose();
            _expiry = null;
        }

        _expired(this);
    }
}

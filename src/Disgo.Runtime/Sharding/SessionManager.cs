using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Sharding;

/// <summary>
/// Every running gateway session of the process, keyed by its Discord session ID, so code holds IDs rather than
/// session objects. A session that identifies again gets a new ID and the old one stops resolving, with a
/// <see cref="SessionNotFoundException"/> that says by which session it was replaced. Commands go by session ID, by
/// shard, or by guild (to the session whose shard owns the guild).
/// </summary>
/// <remarks>
/// The manager follows each session's status changes, and also checks a session's current ID whenever it is looked
/// up: a handler may see an event of a new session before its status change has been reported, and must still be
/// able to answer on it.
/// </remarks>
public sealed class SessionManager : IGatewayCommandSender
{
    private readonly Lock _lock = new();
    private readonly ILogger _logger;

    // Guarded by _lock.
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _bySessionId = new(StringComparer.Ordinal);
    private readonly Dictionary<(int ShardId, int ShardCount), Entry> _byShard = [];
    private readonly Dictionary<string, Retired> _retired = new(StringComparer.Ordinal);
    private int _totalShards = 1;

    // Changes are queued in the order they were seen (under _lock) and raised by one thread at a time, in that order.
    private readonly ConcurrentQueue<SessionChangedEventArgs> _changes = new();
    private readonly Lock _notifyLock = new();

    public SessionManager(ILoggerFactory? loggerFactory = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SessionManager>();
    }

    /// <summary>A session started, was replaced on its shard, or stopped. Raised in order, never while a lock is held.</summary>
    public event EventHandler<SessionChangedEventArgs>? SessionChanged;

    /// <summary>The <c>num_shards</c> that shard look-ups and guild routing use: the shard set currently in charge.</summary>
    public int TotalShards
    {
        get
        {
            lock (_lock)
            {
                return _totalShards;
            }
        }
    }

    /// <summary>Every tracked session that has not stopped, in the order they were added.</summary>
    public IReadOnlyList<SessionInfo> Sessions
    {
        get
        {
            var sessions = new List<SessionInfo>();
            lock (_lock)
            {
                // A copy: reconciling a stopped session removes it from the list.
                foreach (var entry in _entries.ToArray())
                {
                    Reconcile(entry);
                    if (!entry.Stopped)
                    {
                        sessions.Add(Describe(entry));
                    }
                }
            }

            RaiseChanges();
            return sessions;
        }
    }

    /// <summary>The shard that receives events of <paramref name="guildId"/>: <c>(guild_id &gt;&gt; 22) % num_shards</c>.</summary>
    public int ShardFor(Snowflake guildId) => guildId.ShardId(TotalShards);

    /// <summary>
    /// Tracks <paramref name="session"/> from now on (before or after it started). Sessions with a shard count other
    /// than <see cref="TotalShards"/> resolve by session ID, but not by shard or guild until that count is in charge.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another running session of the same shard tuple is tracked already.</exception>
    public void Add(GatewaySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var entry = new Entry(session);
        lock (_lock)
        {
            if (_byShard.TryGetValue(entry.Key, out var existing) && Reconciled(existing) is { Stopped: false })
            {
                throw new InvalidOperationException($"Shard {entry.ShardLabel} already has a tracked session; stop it before adding another.");
            }

            _entries.Add(entry);
            _byShard[entry.Key] = entry;
            if (_entries.Count == 1)
            {
                _totalShards = entry.Key.ShardCount;
            }

            Reconcile(entry);
        }

        session.StatusChanged += (_, _) => Refresh(entry);
        RaiseChanges();
    }

    /// <summary>The session with this ID, as it is now.</summary>
    /// <exception cref="SessionNotFoundException">No running session has this ID; the message says whether it was replaced (and by which) or stopped.</exception>
    public SessionInfo Get(SessionId sessionId)
    {
        var entry = Resolve(sessionId);
        lock (_lock)
        {
            return Describe(entry);
        }
    }

    /// <summary>The session with this ID, if one runs.</summary>
    public bool TryGet(SessionId sessionId, out SessionInfo session)
    {
        try
        {
            session = Get(sessionId);
            return true;
        }
        catch (SessionNotFoundException)
        {
            session = default;
            return false;
        }
    }

    /// <summary>The current session of shard <paramref name="shardId"/> of <see cref="TotalShards"/>.</summary>
    /// <exception cref="InvalidOperationException">This process runs no such shard.</exception>
    public SessionInfo GetShard(int shardId)
    {
        var entry = ResolveShard(shardId);
        try
        {
            lock (_lock)
            {
                // Its READY may not have been reported yet.
                Reconcile(entry);
                return Describe(entry);
            }
        }
        finally
        {
            RaiseChanges();
        }
    }

    /// <inheritdoc/>
    /// <exception cref="SessionNotFoundException">No running session has this ID (it was replaced or stopped).</exception>
    public Task SendAsync<T>(SessionId sessionId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken) =>
        Resolve(sessionId).Session.SendAsync(opcode, data, dataTypeInfo, cancellationToken);

    /// <inheritdoc/>
    public Task SendToShardAsync<T>(int shardId, GatewayOpcode opcode, T data, JsonTypeInfo<T> dataTypeInfo, CancellationToken cancellationToken) =>
        ResolveShard(shardId).Session.SendAsync(opcode, data, dataTypeInfo, cancellationToken);

    /// <summary>Updates the bot's presence (op 3) on one session.</summary>
    /// <exception cref="SessionNotFoundException">No running session has this ID.</exception>
    public Task UpdatePresenceAsync(SessionId sessionId, UpdatePresence presence, CancellationToken cancellationToken = default) =>
        SendAsync(sessionId, GatewayOpcode.PresenceUpdate, presence, DisgoJsonContext.Default.UpdatePresence, cancellationToken);

    /// <summary>Requests guild members (op 8) on the session whose shard owns <c>request.GuildId</c>, and gathers the answer.</summary>
    /// <exception cref="InvalidOperationException">The guild's shard runs in another process.</exception>
    public Task<GuildMembersResult> RequestGuildMembersAsync(RequestGuildMembers request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ResolveGuild(request.GuildId).RequestGuildMembersAsync(request, cancellationToken);
    }

    /// <summary>Joins, moves or leaves voice (op 4) on the session whose shard owns <c>voiceState.GuildId</c>.</summary>
    /// <exception cref="InvalidOperationException">The guild's shard runs in another process.</exception>
    public Task UpdateVoiceStateAsync(UpdateVoiceState voiceState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(voiceState);
        return ResolveGuild(voiceState.GuildId).UpdateVoiceStateAsync(voiceState, cancellationToken);
    }

    /// <summary>Makes <paramref name="totalShards"/> the count shard look-ups and guild routing use (after a reshard).</summary>
    internal void Route(int totalShards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalShards);
        lock (_lock)
        {
            _totalShards = totalShards;
        }
    }

    private Entry Resolve(SessionId sessionId)
    {
        if (sessionId.IsNone)
        {
            throw new ArgumentException("SessionId.None names no session; READY's handlers send by shard instead.", nameof(sessionId));
        }

        try
        {
            lock (_lock)
            {
                if (_bySessionId.TryGetValue(sessionId.Value, out var entry))
                {
                    Reconcile(entry);
                    if (entry.SessionId == sessionId.Value)
                    {
                        return entry;
                    }
                }
                else if (!_retired.ContainsKey(sessionId.Value))
                {
                    // Perhaps a READY whose status change has not been reported yet.
                    foreach (var candidate in _entries.ToArray())
                    {
                        Reconcile(candidate);
                    }

                    if (_bySessionId.TryGetValue(sessionId.Value, out entry))
                    {
                        return entry;
                    }
                }

                throw NotFound(sessionId);
            }
        }
        finally
        {
            RaiseChanges();
        }
    }

    private Entry ResolveShard(int shardId)
    {
        lock (_lock)
        {
            if (_byShard.TryGetValue((shardId, _totalShards), out var entry) && !entry.Stopped)
            {
                return entry;
            }

            throw new InvalidOperationException(_byShard.TryGetValue((shardId, _totalShards), out entry)
                ? $"Shard [{shardId}, {_totalShards}] has stopped; it no longer sends commands."
                : $"This process runs no shard [{shardId}, {_totalShards}]; it runs {RunningShards()}.");
        }
    }

    private GatewaySession ResolveGuild(Snowflake guildId)
    {
        var shardId = guildId.ShardId(TotalShards);
        try
        {
            return ResolveShard(shardId).Session;
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"Guild {guildId} is on shard {shardId}: {exception.Message}", exception);
        }
    }

    // Callers hold _lock.
    private string RunningShards()
    {
        var running = new List<int>();
        foreach (var entry in _entries)
        {
            if (!entry.Stopped && entry.Key.ShardCount == _totalShards)
            {
                running.Add(entry.Key.ShardId);
            }
        }

        running.Sort();
        return running.Count == 0 ? "none" : $"shards {ShardRanges.Describe(running)}";
    }

    private SessionNotFoundException NotFound(SessionId sessionId) => _retired.TryGetValue(sessionId.Value, out var retired)
        ? new SessionNotFoundException(sessionId, retired.Shard, retired.ReplacedBy, retired.Stopped)
        : new SessionNotFoundException(sessionId, shard: null, SessionId.None, stopped: false);

    private void Refresh(Entry entry)
    {
        lock (_lock)
        {
            Reconcile(entry);
        }

        RaiseChanges();
    }

    /// <summary>Brings the maps in line with what the session reports now, queuing the changes. Callers hold _lock.</summary>
    private void Reconcile(Entry entry)
    {
        if (entry.Stopped)
        {
            return;
        }

        var stopped = entry.Session.Status == GatewaySessionStatus.Stopped;
        var current = stopped ? null : entry.Session.SessionId;
        if (entry.SessionId is { } previous && previous != current)
        {
            _bySessionId.Remove(previous);
            _retired[previous] = new Retired(entry.Shard, SessionId.None, stopped);
            entry.Ended = previous;
            entry.SessionId = null;
        }

        if (current is not null && entry.SessionId is null)
        {
            entry.SessionId = current;
            _bySessionId[current] = entry;
            if (entry.Ended is { } ended)
            {
                _retired[ended] = new Retired(entry.Shard, new SessionId(current), Stopped: false);
                _changes.Enqueue(new SessionChangedEventArgs(SessionChangeKind.Replaced, entry.Shard, new SessionId(ended), new SessionId(current)));
                entry.Ended = null;
            }
            else
            {
                _changes.Enqueue(new SessionChangedEventArgs(SessionChangeKind.Started, entry.Shard, SessionId.None, new SessionId(current)));
            }
        }

        if (stopped)
        {
            entry.Stopped = true;
            var last = entry.Ended is { } ended ? new SessionId(ended) : SessionId.None;
            if (entry.Ended is { } id)
            {
                _retired[id] = new Retired(entry.Shard, SessionId.None, Stopped: true);
            }

            _entries.Remove(entry);
            _changes.Enqueue(new SessionChangedEventArgs(SessionChangeKind.Stopped, entry.Shard, last, SessionId.None));
        }
    }

    private Entry Reconciled(Entry entry)
    {
        Reconcile(entry);
        return entry;
    }

    private void RaiseChanges()
    {
        if (_changes.IsEmpty)
        {
            return;
        }

        lock (_notifyLock)
        {
            while (_changes.TryDequeue(out var change))
            {
                try
                {
                    SessionChanged?.Invoke(this, change);
                }
                catch (Exception exception)
                {
                    ShardingLog.SessionChangedHandlerFailed(_logger, change.ToString(), exception);
                }
            }
        }
    }

    private static SessionInfo Describe(Entry entry)
    {
        var session = entry.Session;
        return new SessionInfo(
            entry.SessionId is { } id ? new SessionId(id) : SessionId.None,
            entry.Shard,
            session.Status,
            session.Sequence,
            session.Latency);
    }

    /// <summary>One tracked session object; every field is guarded by the manager's lock.</summary>
    private sealed class Entry(GatewaySession session)
    {
        public GatewaySession Session { get; } = session;

        public ShardInfo? Shard { get; } = session.Shard;

        public (int ShardId, int ShardCount) Key { get; } = (session.Shard?.ShardId ?? 0, session.Shard?.ShardCount ?? 1);

        public string ShardLabel => Shard?.ToString() ?? "[0, 1]";

        /// <summary>The Discord session it carries now, as last reconciled.</summary>
        public string? SessionId { get; set; }

        /// <summary>The session that ended with no successor yet (the shard is identifying again).</summary>
        public string? Ended { get; set; }

        public bool Stopped { get; set; }
    }

    /// <summary>Why a session ID no longer resolves.</summary>
    private readonly record struct Retired(ShardInfo? Shard, SessionId ReplacedBy, bool Stopped);
}

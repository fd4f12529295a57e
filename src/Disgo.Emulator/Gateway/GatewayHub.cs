using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The live gateway: its connections and sessions, dispatch routing by Discord's sharding formula, the fast path
/// for benchmarks, and fault injection.
/// </summary>
public sealed class GatewayHub
{
    // Copies per queued batch on the fast path: big enough to amortise the queue, small enough to stop promptly.
    private const int StreamBatchSize = 4096;

    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(500);

    private readonly EmulatorServices _services;
    private readonly MessageContentRule _messageContent;
    private readonly ConcurrentDictionary<long, GatewayConnection> _connections = new();
    private ILogger _logger = NullLogger.Instance;
    private volatile bool _failResumeHandshakes;
    private volatile bool _shuttingDown;

    internal GatewayHub(EmulatorServices services)
    {
        _services = services;
        var world = services.World;
        _messageContent = new MessageContentRule(world.BotUserId);
        Registry = new SessionRegistry(services.Options);
        Starter = new SessionStarter(services, Registry, new IdentifyLimiter(services.Options, services.SessionStartBudget));
        GuildMembers = new GuildMembersResponder(world, new FullMemberListLimiter());
        VoiceStates = new VoiceStateResponder(world);
        SoundboardSounds = new SoundboardSoundsResponder(world);
        ChannelInfo = new ChannelInfoResponder(world);
        Hello = GatewayPayloads.Hello(services.Options.HeartbeatInterval);
    }

    /// <summary>Every session that can still receive dispatches: connected, or waiting to be resumed.</summary>
    public IReadOnlyList<GatewaySessionInfo> Sessions
    {
        get
        {
            var sessions = Registry.All;
            var snapshot = new GatewaySessionInfo[sessions.Length];
            for (var i = 0; i < sessions.Length; i++)
                snapshot[i] = sessions[i].Snapshot();
            return snapshot;
        }
    }

    internal SessionRegistry Registry { get; }

    internal SessionStarter Starter { get; }

    internal GuildMembersResponder GuildMembers { get; }

    internal VoiceStateResponder VoiceStates { get; }

    internal SoundboardSoundsResponder SoundboardSounds { get; }

    internal ChannelInfoResponder ChannelInfo { get; }

    /// <summary>The Hello payload, encoded once.</summary>
    internal byte[] Hello { get; }

    internal bool IsShuttingDown => _shuttingDown;

    internal bool FailsResumeHandshakes => _failResumeHandshakes;

    /// <summary>
    /// Routes one dispatch the way Discord does: a guild event to every session whose
    /// <c>(guild_id &gt;&gt; 22) % num_shards == shard_id</c>, whatever <c>num_shards</c> other sessions use (a session
    /// without a shard tuple is <c>[0, 1]</c> and gets everything); an event without a guild (DMs) to shard 0 only.
    /// Sessions whose intents do not cover the event are skipped. A guild MESSAGE_CREATE or MESSAGE_UPDATE reaches
    /// sessions without MESSAGE_CONTENT with its content fields emptied unless the bot wrote or is mentioned in it
    /// (derived once per event, only if such a session is a target). Each session gives the event its own sequence
    /// number and keeps it for replay, also while it waits to be resumed.
    /// </summary>
    /// <param name="eventName">The <c>t</c>, e.g. <c>MESSAGE_CREATE</c>.</param>
    /// <param name="dataJson">The <c>d</c>: one complete JSON value, copied once and shared by every session.</param>
    /// <param name="guildId">The guild the event belongs to, or null for DMs and other guild-less events.</param>
    /// <returns>The number of sessions the event went to.</returns>
    /// <exception cref="ArgumentException">The name is not an event name or the data is not one JSON value.</exception>
    public int Dispatch(string eventName, ReadOnlySpan<byte> dataJson, ulong? guildId)
    {
        var dispatch = Encode(eventName, dataJson);
        var gate = GatewayIntents.GateOf(eventName, inGuild: guildId is not null);
        var contentGated = MessageContentRule.Governs(eventName, guildId);
        PreEncodedDispatch? withoutContent = null;
        var routed = 0;
        foreach (var session in Registry.All)
        {
            var onShard = guildId is { } id ? session.Holds(id) : session.ShardId == 0;
            if (!onShard || !GatewayIntents.Receives(session.Intents, gate))
                continue;
            var payload = contentGated && !MessageContentRule.SeesContent(session.Intents)
                ? withoutContent ??= _messageContent.ForSessionWithoutIntent(dispatch, dataJson)
                : dispatch;
            if (session.Dispatch(payload))
                routed++;
        }

        return routed;
    }

    /// <summary>Makes the connections selected by <paramref name="target"/> misbehave as <paramref name="fault"/> says.</summary>
    /// <returns>How many connections it hit (0 for <see cref="GatewayFault.FailResumeHandshakes"/>, which changes the endpoint).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A close code a WebSocket cannot send, or a negative delay.</exception>
    public int Inject(GatewayFault fault, FaultTarget target = default)
    {
        ArgumentNullException.ThrowIfNull(fault);
        switch (fault)
        {
            case GatewayFault.FailResumeHandshakes failResumes:
                _failResumeHandshakes = failResumes.Enabled;
                return 0;
            case GatewayFault.Close { Code: < 1000 or > 4999 or 1004 or 1005 or 1006 or 1015 } close:
                throw new ArgumentOutOfRangeException(nameof(fault), close.Code, "A WebSocket close code must be 1000-4999 and not one of the reserved 1004, 1005, 1006 or 1015.");
            case GatewayFault.DelayFrames { Delay.Ticks: < 0 } delay:
                throw new ArgumentOutOfRangeException(nameof(fault), delay.Delay, "A frame delay cannot be negative.");
        }

        var hit = 0;
        foreach (var connection in _connections.Values)
        {
            if (connection.Matches(target) && connection.Apply(fault))
                hit++;
        }

        return hit;
    }

    /// <summary>
    /// The fast path for benchmarks: sends <paramref name="count"/> copies of one dispatch to one session without
    /// routing or intent checks. The envelope is encoded once; each copy only gets its own <c>s</c>, which the session
    /// assigns and keeps for replay as usual. Compressed connections still compress every copy through their context.
    /// </summary>
    /// <returns>
    /// How many copies reached the socket, once they have: fewer than <paramref name="count"/> if the connection went
    /// away midway (the rest stay in the session's replay buffer).
    /// </returns>
    /// <exception cref="InvalidOperationException">No such session, or no connection carries it now.</exception>
    public async Task<long> StreamAsync(string sessionId, string eventName, ReadOnlyMemory<byte> dataJson, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var dispatch = Encode(eventName, dataJson.Span);
        var session = Registry.Find(sessionId) ?? throw new InvalidOperationException($"There is no gateway session '{sessionId}'.");

        long written = 0;
        StreamBatch? previous = null;
        for (var remaining = count; remaining > 0;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = Math.Min(StreamBatchSize, remaining);
            var batch = session.DispatchBatch(dispatch, size);
            if (batch is null)
            {
                if (previous is null && written == 0)
                    throw new InvalidOperationException($"Gateway session '{sessionId}' has no connection to stream to.");
                break;
            }

            remaining -= size;
            // Keep one batch queued behind the one being written, so the socket never waits for this loop.
            if (previous is not null)
            {
                var sent = await previous.Written.WaitAsync(cancellationToken).ConfigureAwait(false);
                written += sent;
                if (sent < previous.Count)
                    return written + await batch.Written.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            previous = batch;
        }

        if (previous is not null)
            written += await previous.Written.WaitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    internal void UseLogger(ILogger logger)
    {
        _logger = logger;
        Registry.Logger = logger;
    }

    /// <summary>Runs one accepted WebSocket until it ends; every failure stays inside the connection.</summary>
    internal async Task RunConnectionAsync(HttpContext http, WebSocket socket, CoalescingStream? output, GatewayUrlQuery query, string path)
    {
        var record = _services.Observations.OpenConnection(path, _services.Time.GetUtcNow());
        var connection = new GatewayConnection(this, _services, http, socket, output, query, record, _logger);
        _connections[record.Id] = connection;
        try
        {
            if (_shuttingDown)
                connection.BeginShutdown();
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(record.Id, out _);
        }
    }

    /// <summary>Closes every connection with 1001 (cutting those that do not answer quickly) and ends every session.</summary>
    internal async Task ShutdownAsync()
    {
        _shuttingDown = true;
        var connections = _connections.Values.ToArray();
        foreach (var connection in connections)
            connection.BeginShutdown();

        var ended = Task.WhenAll(Array.ConvertAll(connections, c => c.Completion));
        if (await Task.WhenAny(ended, Task.Delay(ShutdownGrace)).ConfigureAwait(false) != ended)
        {
            foreach (var connection in connections)
                connection.Abort();
            await Task.WhenAny(ended, Task.Delay(ShutdownGrace)).ConfigureAwait(false);
        }

        Registry.Clear();
    }

    private static PreEncodedDispatch Encode(string eventName, ReadOnlySpan<byte> dataJson)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (!PreEncodedDispatch.IsValidEventName(eventName))
            throw new ArgumentException($"'{eventName}' is not a dispatch event name (upper-case letters, digits and underscores).", nameof(eventName));
        if (!PreEncodedDispatch.IsSingleJsonValue(dataJson))
            throw new ArgumentException("The event data must be exactly one JSON value.", nameof(dataJson));
        return PreEncodedDispatch.Create(eventName, dataJson);
    }
}

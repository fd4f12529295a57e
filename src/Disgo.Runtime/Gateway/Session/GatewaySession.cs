using System.Collections.Concurrent;
using System.Net.WebSockets;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Coordination;
using Disgo.Gateway.Transport;
using Disgo.Models.Gateway;
using Disgo.Serialization;
using Microsoft.Extensions.Logging;

namespace Disgo.Gateway.Session;

/// <summary>
/// One Discord gateway session, carried by one WebSocket connection at a time: heartbeats with zombie detection,
/// Identify through an <see cref="IIdentifyCoordinator"/>, resume on the session's <c>resume_gateway_url</c> after
/// every recoverable close, exactly-once delivery of dispatches to an <see cref="IGatewayDispatcher"/>, and a send
/// budget per connection that keeps room for heartbeats.
/// </summary>
/// <remarks>
/// Handlers run on the dispatch queue's own task, status events on another, so neither the receive loop nor the
/// heartbeats ever wait for user code. Every timer runs on <see cref="GatewaySessionOptions.TimeProvider"/>.
/// </remarks>
public sealed partial class GatewaySession : IAsyncDisposable
{
    private readonly IGatewayDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly IIdentifyCoordinator _identifyCoordinator;
    private readonly DispatchQueue _queue;
    private readonly SequenceTracker _tracker = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<GatewaySessionStatusChangedEventArgs> _statusChanges = new(); // guarded by _gate
    private readonly KeyValuePair<string, object?> _shardTag;
    private readonly KeyValuePair<string, object?> _shardCountTag;
    private readonly string _shardLabel;

    // Copied from the options, so changing them later cannot change a running session.
    private readonly string _token;
    private readonly GatewayIntents _intents;
    private readonly ShardInfo? _shard;
    private readonly GatewayCompression _compression;
    private readonly Uri? _configuredGatewayUrl;
    private readonly Uri _restBaseUrl;
    private readonly ReconnectBackoffOptions _backoff;
    private readonly int _resumeUrlFailureLimit;
    private readonly byte[] _identifyPayload;
    private readonly Func<Uri, CancellationToken, ValueTask<WebSocket>> _connectWebSocket;

    private TaskCompletionSource<SessionConnection> _readyConnection = NewReadyConnection();
    private SessionConnection? _connection;
    private StopMode _stopMode;
    private Task? _run;
    private GatewaySessionStatus _status;
    private volatile string? _sessionId;
    private volatile Uri? _resumeUrl;
    private long _lastSequence;
    private long _sessionBaseSequence;
    private long _latencyTicks = -1;
    private long _heartbeatAcks;
    private long _nonceCounter;
    private int _disposed;
    private bool _notifyingStatusChanges; // guarded by _gate

    // Created at the first member request: most shards never make one, and a thousand idle shards should not each
    // hold an empty dictionary.
    private ConcurrentDictionary<string, PendingMemberRequest>? _memberRequests;

    /// <param name="options">The session's configuration; validated here.</param>
    /// <param name="dispatcher">Receives every dispatch it handles, once, in order.</param>
    /// <exception cref="ArgumentException">An option cannot work; the message names it and says why.</exception>
    public GatewaySession(GatewaySessionOptions options, IGatewayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        options.Validate();

        _dispatcher = dispatcher;
        _token = options.Token;
        _intents = options.Intents;
        _shard = options.Shard;
        _compression = options.Compression;
        _configuredGatewayUrl = options.GatewayUrl;
        _restBaseUrl = options.RestBaseUrl;
        _backoff = new ReconnectBackoffOptions
        {
            InitialDelay = options.ReconnectBackoff.InitialDelay,
            MaxDelay = options.ReconnectBackoff.MaxDelay,
            Multiplier = options.ReconnectBackoff.Multiplier,
        };
        _resumeUrlFailureLimit = options.ResumeUrlFailureLimit;
        _connectWebSocket = options.ConnectWebSocket ?? GatewayWebSocketConnector.ConnectAsync;
        _timeProvider = options.TimeProvider;
        _logger = options.LoggerFactory.CreateLogger<GatewaySession>();
        _identifyCoordinator = options.IdentifyCoordinator ?? new InProcessIdentifyCoordinator(timeProvider: _timeProvider);
        _identifyPayload = GatewayCommandWriter.Write(GatewayOpcode.Identify, options.ToIdentify(), DisgoJsonContext.Default.Identify);
        _shardLabel = _shard?.ToString() ?? "[0, 1]";
        _shardTag = new KeyValuePair<string, object?>(GatewayMetrics.ShardTag, _shard?.ShardId ?? 0);
        _shardCountTag = new KeyValuePair<string, object?>(GatewayMetrics.ShardCountTag, _shard?.ShardCount ?? 1);
        _queue = new DispatchQueue(
            dispatcher,
            new DispatchQueueOptions { Capacity = options.DispatchQueue.Capacity, FullMode = options.DispatchQueue.FullMode },
            _shard?.ShardId ?? 0,
            _logger);

        if (options.ResumeFrom is { } resume)
        {
            _sessionId = resume.SessionId;
            _resumeUrl = resume.ResumeGatewayUrl;
            _tracker.Reset(resume.Sequence);
            _lastSequence = resume.Sequence;
            _sessionBaseSequence = resume.Sequence;
        }
    }

    private ConcurrentDictionary<string, PendingMemberRequest> MemberRequests =>
        LazyInitializer.EnsureInitialized(ref _memberRequests, static () => new(StringComparer.Ordinal));

    /// <summary>Raised for every status transition, in order, on a task of its own (never on the receive loop).</summary>
    public event EventHandler<GatewaySessionStatusChangedEventArgs>? StatusChanged;

    public GatewaySessionStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Whether the session is delivering events now: true only while <see cref="Status"/> is Ready.</summary>
    public bool IsHealthy => Status == GatewaySessionStatus.Ready;

    /// <summary>The Discord session (<c>session_id</c>); <see langword="null"/> before READY and between sessions.</summary>
    public string? SessionId => _sessionId;

    /// <summary>The last sequence number received; <see langword="null"/> before the first dispatch.</summary>
    public long? Sequence => LastSequence;

    /// <summary>The shard this session identified with.</summary>
    public ShardInfo? Shard => _shard;

    /// <summary>The time from the last acknowledged heartbeat to its ACK; <see langword="null"/> before the first.</summary>
    public TimeSpan? Latency => Volatile.Read(ref _latencyTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>
    /// Heartbeat ACKs this session has processed, over all its connections: lets a test on virtual time hold the clock
    /// until the client has seen the answer to every beat the gateway received.
    /// </summary>
    internal long HeartbeatAcks => Interlocked.Read(ref _heartbeatAcks);

    /// <summary>
    /// Completes when the session has stopped for good: successfully after <see cref="StopAsync"/> or
    /// <see cref="DetachAsync"/>, faulted with the cause (e.g. <see cref="GatewayFatalCloseException"/>) otherwise.
    /// </summary>
    public Task Completion => _completion.Task;

    private long? LastSequence => Volatile.Read(ref _lastSequence) is var sequence and > 0 ? sequence : null;

    /// <summary>
    /// Starts connecting, and completes when the session is first ready (READY, or RESUMED with
    /// <see cref="GatewaySessionOptions.ResumeFrom"/>). Until then the session retries what can be retried.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the session keeps connecting until stopped.</param>
    /// <exception cref="GatewayFatalCloseException">The gateway refused the configuration (bad token, intents, shard...).</exception>
    /// <exception cref="GatewayBootstrapException">GET /gateway/bot refused the token.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_run is not null || _stopMode != StopMode.None)
            {
                throw new InvalidOperationException("A GatewaySession starts once; create a new one to connect again.");
            }

            _run = Task.Run(RunAsync, CancellationToken.None);
        }

        return _firstReady.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the session: closes with 1000, which makes Discord end it at once (the bot goes offline), then lets the
    /// dispatcher finish the events already queued. A session that already stopped on a failure just completes
    /// (the failure is on <see cref="Completion"/>).
    /// </summary>
    /// <param name="cancellationToken">Abandons the queued events instead of waiting for them.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        RequestStop(StopMode.Stop);
        await WaitForRunAsync().ConfigureAwait(false);
        if (!await DrainQueueAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Lets go of the session without ending it: closes with a resumable code (4900), lets the dispatcher finish the
    /// events already queued, and returns what a new <see cref="GatewaySession"/> (here or in another process) needs
    /// to resume it through <see cref="GatewaySessionOptions.ResumeFrom"/> within Discord's resume window.
    /// </summary>
    /// <param name="cancellationToken">
    /// Abandons the queued events; the returned sequence is then the last event handled, so the new session gets the
    /// abandoned ones again.
    /// </param>
    /// <exception cref="InvalidOperationException">There is no session to detach (not ready yet, or already stopped).</exception>
    public async Task<GatewayResumeState> DetachAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_sessionId is null || _run is null || _stopMode != StopMode.None)
            {
                throw new InvalidOperationException(_stopMode != StopMode.None
                    ? "The session is already stopping."
                    : "There is no Discord session to detach: READY has not arrived. Use StopAsync to stop connecting.");
            }
        }

        RequestStop(StopMode.Detach);
        await WaitForRunAsync().ConfigureAwait(false);

        // A fatal close that raced the detach: the session cannot be resumed anywhere; say why.
        await _completion.Task.ConfigureAwait(false);
        var sessionId = _sessionId
            ?? throw new InvalidOperationException("The Discord session ended before it could be detached; it cannot be resumed.");
        var admitted = LastSequence ?? _sessionBaseSequence;
        var sequence = admitted;
        if (!await DrainQueueAsync(cancellationToken).ConfigureAwait(false))
        {
            // Events were abandoned: resume from the last one handled, so they come again.
            sequence = _queue.LastDispatchedSequence is { } handled && handled >= _sessionBaseSequence && handled <= admitted
                ? handled
                : _sessionBaseSequence;
        }

        // Without a usable resume URL from READY, the gateway URL is where a resume goes.
        var resumeUrl = _resumeUrl ?? _configuredGatewayUrl ?? _gatewayUrl
            ?? throw new InvalidOperationException("The session has no usable resume URL; it cannot be resumed elsewhere.");
        GatewaySessionLog.Detached(_logger, _shardLabel, sessionId, sequence);
        return new GatewayResumeState(sessionId, sequence, resumeUrl, _shard);
    }

    /// <summary>Stops like <see cref="StopAsync"/> (closing with 1000) without waiting for queued events: their handlers are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        RequestStop(StopMode.Stop);
        await WaitForRunAsync().ConfigureAwait(false);
        await _queue.DisposeAsync().ConfigureAwait(false);
        _http?.Dispose();
        _lifetime.Dispose();
    }

    private static TaskCompletionSource<SessionConnection> NewReadyConnection() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void RequestStop(StopMode mode)
    {
        SessionConnection? connection;
        bool running;
        lock (_gate)
        {
            if (_stopMode != StopMode.None)
            {
                return;
            }

            _stopMode = mode;
            connection = _connection;
            running = _run is not null;
        }

        if (!running)
        {
            Finish(failure: null, closeCode: null);
            return;
        }

        if (connection is null)
        {
            // Between connections (waiting, or handshaking): nothing to close, just stop waiting.
            _lifetime.Cancel();
            return;
        }

        CloseForStop(connection, mode);
    }

    private static int CloseCodeFor(StopMode mode) => mode == StopMode.Stop
        ? GatewayCloseCodes.NormalClosure
        : GatewayCloseCodes.ClientResumableClose;

    /// <summary>Waits until the connection loop has ended; it never throws (a failure is on <see cref="Completion"/>).</summary>
    private Task WaitForRunAsync()
    {
        lock (_gate)
        {
            return _run ?? Task.CompletedTask;
        }
    }

    private async Task<bool> DrainQueueAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _queue.CompleteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _queue.DisposeAsync().ConfigureAwait(false);
            return false;
        }
    }

    private void SetStatus(GatewaySessionStatus next, int? closeCode = null, string? reason = null, Exception? exception = null)
    {
        GatewaySessionStatus previous;
        lock (_gate)
        {
            previous = _status;
            if (previous == next || previous == GatewaySessionStatus.Stopped)
            {
                return;
            }

            _status = next;
            _statusChanges.Enqueue(new GatewaySessionStatusChangedEventArgs(previous, next, closeCode, reason, exception));
            if (_notifyingStatusChanges)
            {
                return;
            }

            _notifyingStatusChanges = true;
        }

        // A task only while there is something to report: an idle session keeps no waiting reader.
        _ = Task.Run(NotifyStatusChanges);
    }

    /// <summary>Raises <see cref="StatusChanged"/> for every queued change, in order, until none is left.</summary>
    private void NotifyStatusChanges()
    {
        while (true)
        {
            GatewaySessionStatusChangedEventArgs? change;
            lock (_gate)
            {
                if (!_statusChanges.TryDequeue(out change))
                {
                    _notifyingStatusChanges = false;
                    return;
                }
            }

            try
            {
                StatusChanged?.Invoke(this, change);
            }
            catch (Exception exception)
            {
                GatewaySessionLog.StatusHandlerFailed(_logger, _shardLabel, exception);
            }
        }
    }

    private enum StopMode
    {
        None,
        Stop,
        Detach,
    }
}

using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Disgo.Emulator.Observation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// One client's WebSocket: the receive loop that reassembles each payload and holds it to Discord's rules, the
/// connection's own limits and heartbeat watchdog, and the session it carries (at most one). Whatever a client
/// sends, at worst its own connection closes: failures never leave this class.
/// </summary>
internal sealed class GatewayConnection
{
    /// <summary>Discord's limit on one client payload; anything larger closes with 4002.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Payloads a client may send per <see cref="SendLimitWindow"/> on one connection, heartbeats included.</summary>
    public const int SendLimit = 120;

    /// <summary>Presence updates (op 3) a client may send per <see cref="PresenceLimitWindow"/>.</summary>
    public const int PresenceLimit = 5;

    public static readonly TimeSpan SendLimitWindow = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan PresenceLimitWindow = TimeSpan.FromSeconds(20);

    // Safety nets in real time, not rules: a client that never answers our close frame, or stopped reading
    // so the close frame cannot even be written, is cut off instead of holding the connection open forever.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StuckCloseTimeout = TimeSpan.FromSeconds(10);

    private readonly GatewayHub _hub;
    private readonly EmulatorServices _services;
    private readonly HttpContext _http;
    private readonly WebSocket _socket;
    private readonly GatewayUrlQuery _query;
    private readonly PayloadEncoder? _encoder;
    private readonly ILogger _logger;
    private readonly HeartbeatWatchdog _watchdog;
    private readonly SlidingWindowLimit _sendLimit = new(SendLimit, SendLimitWindow);
    private readonly SlidingWindowLimit _presenceLimit = new(PresenceLimit, PresenceLimitWindow);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _closeGate = new();
    private EmulatedSession? _session;
    private volatile bool _acksSuppressed;
    private volatile bool _ended;

    public GatewayConnection(GatewayHub hub, EmulatorServices services, HttpContext http, WebSocket socket, CoalescingStream? output, GatewayUrlQuery query, ConnectionRecord record, ILogger logger)
    {
        _hub = hub;
        _services = services;
        _http = http;
        _socket = socket;
        _query = query;
        _logger = logger;
        Record = record;
        _encoder = query.CreateEncoder();
        Writer = new FrameWriter(socket, output, _encoder, services.Time, logger, record.Id);
        Writer.CloseSent += () => _stop.CancelAfter(CloseHandshakeTimeout);
        var options = services.Options;
        _watchdog = new HeartbeatWatchdog(services.Time, options.HeartbeatInterval * options.HeartbeatTimeoutFactor, OnHeartbeatTimeout);
    }

    public long Id => Record.Id;

    public ConnectionRecord Record { get; }

    /// <summary>The socket's only writer; sessions queue their dispatches here.</summary>
    public FrameWriter Writer { get; }

    /// <summary>The session this connection carries, once identified or resumed.</summary>
    public EmulatedSession? Session => Volatile.Read(ref _session);

    /// <summary>Completes when the connection has ended and released everything.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Sends Hello, then reads payloads until the connection closes or drops.</summary>
    public async Task RunAsync()
    {
        GatewayLog.ConnectionOpened(_logger, Id, Record.Path);
        var writing = Writer.RunAsync(_stop.Token);
        try
        {
            if (_query.Rejection is { } rejection)
            {
                Close(rejection);
            }
            else
            {
                Send(_hub.Hello);
                _watchdog.Start();
            }

            await ReceiveAsync().ConfigureAwait(false);
        }
        catch (WebSocketException exception) when (exception is { WebSocketErrorCode: WebSocketError.Faulted, InnerException: null } && !Writer.IsClosing)
        {
            // The WebSocket layer failed the connection itself, before the gateway saw a payload: invalid UTF-8 in a
            // text frame (it sends 1007) or a WebSocket protocol error (1002), as RFC 6455 requires of any server.
            RecordViolation(ViolationKind.DecodeError, $"The WebSocket layer rejected a frame (RFC 6455 close 1007 or 1002): {exception.Message}", Session?.Shard);
            GatewayLog.ConnectionDropped(_logger, Id, exception);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            GatewayLog.ConnectionDropped(_logger, Id, exception);
        }
        catch (Exception exception)
        {
            GatewayLog.ConnectionFailed(_logger, Id, exception);
            _socket.Abort();
        }
        finally
        {
            await EndAsync(writing).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="target"/> selects this connection.</summary>
    public bool Matches(FaultTarget target)
    {
        if (target.ConnectionId is { } connectionId && connectionId != Id)
            return false;
        var session = Session;
        if (target.SessionId is { } sessionId && session?.Id != sessionId)
            return false;
        return target.Shard is not { } shard || session?.Shard == shard;
    }

    /// <summary>Shows <paramref name="fault"/>; false if the connection is already closing.</summary>
    public bool Apply(GatewayFault fault)
    {
        if (_ended || Writer.IsClosing)
            return false;
        switch (fault)
        {
            case GatewayFault.Reconnect:
                Send(GatewayPayloads.Reconnect);
                break;
            case GatewayFault.InvalidSession { Resumable: true }:
                Send(GatewayPayloads.InvalidSessionResumable);
                break;
            case GatewayFault.InvalidSession:
                // The session is gone before op 9 goes out, so nothing routed afterwards lands on it.
                ReleaseSession(endsSession: true);
                Send(GatewayPayloads.InvalidSessionNotResumable);
                break;
            case GatewayFault.Close close:
                Close(new GatewayRejection(close.Code, null, "Closed by an injected fault."));
                break;
            case GatewayFault.StopHeartbeatAcks:
                _acksSuppressed = true;
                break;
            case GatewayFault.ResumeHeartbeatAcks:
                _acksSuppressed = false;
                break;
            case GatewayFault.DropConnection:
                _http.Abort();
                break;
            case GatewayFault.DelayFrames delay:
                Writer.SetDelay(delay.Delay);
                break;
            case GatewayFault.MalformedFrame:
                Send(GatewayPayloads.Malformed);
                break;
            case GatewayFault.RequestHeartbeat:
                Send(GatewayPayloads.HeartbeatRequest);
                break;
            default:
                return false;
        }

        return true;
    }

    /// <summary>A resume on another connection took this connection's session: close this one (resumable code).</summary>
    public void OnSessionTakenOver(EmulatedSession session)
    {
        if (Interlocked.CompareExchange(ref _session, null, session) == session)
            Close(new GatewayRejection(GatewayCloseCodes.UnknownError, null, "Session resumed on another connection."), discardPending: true);
    }

    /// <summary>Closes with 1001 at once (emulator shutdown).</summary>
    public void BeginShutdown() => Close(new GatewayRejection(GatewayCloseCodes.GoingAway, null, "The emulator is shutting down."), discardPending: true);

    /// <summary>Cuts the connection without a close frame.</summary>
    public void Abort()
    {
        if (!_ended)
            _http.Abort();
    }

    private async Task ReceiveAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxPayloadBytes + 1);
        try
        {
            while (true)
            {
                // Reassemble fragmented messages, but never hold more than the limit plus one byte (to detect "over").
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length, MaxPayloadBytes + 1 - length), _stop.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        OnClientClose();
                        return;
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage && length <= MaxPayloadBytes);

                // Once the server has closed, the client may still send until it answers; none of that matters.
                if (!Writer.IsClosing)
                    OnMessage(result.MessageType, buffer.AsMemory(0, Math.Min(length, MaxPayloadBytes)), length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnClientClose()
    {
        var code = (int?)_socket.CloseStatus;
        Record.ClientCloseCode = code;
        ReleaseSession(GatewayCloseCodes.ClientCloseEndsSession(code));
        // Answer the close at once; frames still queued are dropped (the session keeps them for a resume).
        Writer.TryClose(code ?? (int)WebSocketCloseStatus.Empty, string.Empty, discardPending: true);
    }

    private void OnMessage(WebSocketMessageType type, ReadOnlyMemory<byte> message, int length)
    {
        var now = _services.Time.GetUtcNow();
        if (length > MaxPayloadBytes || type == WebSocketMessageType.Binary)
        {
            Record.Receive(new ReceivedPayload(-1, length, now));
            if (WithinSendLimit(now))
            {
                Close(new GatewayRejection(GatewayCloseCodes.DecodeError, ViolationKind.DecodeError, length > MaxPayloadBytes
                    ? $"Decode error: payload over {MaxPayloadBytes} bytes."
                    : "Decode error: binary frame. The gateway reads JSON text frames (etf is not emulated)."));
            }

            return;
        }

        var status = ClientPayload.Parse(message, out var document, out var opcode, out var data);
        using (document)
        {
            Record.Receive(new ReceivedPayload(opcode, length, now));
            if (!WithinSendLimit(now))
                return;
            switch (status)
            {
                case ClientPayloadStatus.Undecodable:
                    Close(new GatewayRejection(GatewayCloseCodes.DecodeError, ViolationKind.DecodeError, "Decode error: the payload is not a JSON object."));
                    return;
                case ClientPayloadStatus.NoOpcode:
                    Close(new GatewayRejection(GatewayCloseCodes.UnknownOpcode, ViolationKind.UnknownOpcode, "Unknown opcode: the payload has no integer op."));
                    return;
                default:
                    OnPayload(opcode, data, now);
                    return;
            }
        }
    }

    private bool WithinSendLimit(DateTimeOffset now)
    {
        if (_sendLimit.TryAcquire(now))
            return true;
        Close(new GatewayRejection(GatewayCloseCodes.RateLimited, ViolationKind.SendLimit,
            $"Rate limited: more than {SendLimit} payloads within {SendLimitWindow.TotalSeconds:0} s on this connection."));
        return false;
    }

    private void OnPayload(int opcode, JsonElement data, DateTimeOffset now)
    {
        switch (opcode)
        {
            case GatewayOpcodes.Heartbeat:
                OnHeartbeat(data);
                return;
            case GatewayOpcodes.Identify:
                OnIdentify(data, now);
                return;
            case GatewayOpcodes.Resume:
                OnResume(data);
                return;
            case GatewayOpcodes.PresenceUpdate or GatewayOpcodes.VoiceStateUpdate or GatewayOpcodes.RequestGuildMembers
                or GatewayOpcodes.RequestSoundboardSounds or GatewayOpcodes.RequestChannelInfo:
                break;
            default:
                Close(new GatewayRejection(GatewayCloseCodes.UnknownOpcode, ViolationKind.UnknownOpcode, $"Unknown opcode {opcode}."));
                return;
        }

        // Discord allows only heartbeats before Identify or Resume.
        var session = Session;
        if (session is null)
        {
            Close(new GatewayRejection(GatewayCloseCodes.NotAuthenticated, ViolationKind.NotAuthenticated,
                $"Not authenticated: opcode {opcode} before Identify or Resume, or after the session was invalidated."));
            return;
        }

        var outcome = opcode switch
        {
            GatewayOpcodes.PresenceUpdate => OnPresenceUpdate(data, now),
            GatewayOpcodes.VoiceStateUpdate => _hub.VoiceStates.Respond(session, data),
            GatewayOpcodes.RequestGuildMembers => GuildMembersRequest.TryParse(data, out var request, out var problem)
                ? _hub.GuildMembers.Respond(session, request, now)
                : RequestOutcome.Invalid(problem),
            GatewayOpcodes.RequestSoundboardSounds => _hub.SoundboardSounds.Respond(session, data),
            _ => _hub.ChannelInfo.Respond(session, data),
        };
        if (outcome.InvalidPayload is { } invalid)
            Close(new GatewayRejection(GatewayCloseCodes.UnknownOpcode, ViolationKind.UnknownOpcode, $"Invalid payload for opcode {opcode}: {invalid}."));
        else if (outcome.Violation is { } kind)
        {
            RecordViolation(kind, outcome.Detail!, session.Shard);
            if (outcome.Reply is { } reply)
                session.Dispatch(reply);
        }
    }

    private void OnHeartbeat(JsonElement data)
    {
        if (data.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && !JsonNumbers.TryGetInt64(data, out _))
        {
            Close(new GatewayRejection(GatewayCloseCodes.UnknownOpcode, ViolationKind.UnknownOpcode, "Invalid heartbeat: d must be the last sequence number or null."));
            return;
        }

        _watchdog.Beat();
        if (!_acksSuppressed)
            Send(GatewayPayloads.HeartbeatAck);
    }

    private void OnIdentify(JsonElement data, DateTimeOffset now)
    {
        if (Session is not null)
        {
            Close(new GatewayRejection(GatewayCloseCodes.AlreadyAuthenticated, ViolationKind.AlreadyAuthenticated, "Already authenticated: a second Identify on this connection."));
            return;
        }

        if (!IdentifyPayload.TryParse(data, out var identify, out var problem))
        {
            Close(new GatewayRejection(GatewayCloseCodes.UnknownOpcode, ViolationKind.UnknownOpcode, $"Invalid Identify: {problem}."));
            return;
        }

        if (IdentifyRules.Check(identify, _services.Options, _services.World) is { } rejection)
        {
            Close(rejection, identify.Shard);
            return;
        }

        var admission = _hub.Starter.TryStart(this, identify, _query.ApiVersion, now, out var session, out var detail);
        if (admission == IdentifyAdmission.Admitted)
        {
            Adopt(session!);
            return;
        }

        // Recorded before op 9 goes out, so a client that has seen op 9 also finds the violation.
        RecordViolation(admission == IdentifyAdmission.ConcurrencyExceeded ? ViolationKind.IdentifyConcurrency : ViolationKind.SessionStartBudget, detail, identify.Shard);
        Send(GatewayPayloads.InvalidSessionNotResumable);
    }

    private void OnResume(JsonElement data)
    {
        if (Session is not null)
        {
            Close(new GatewayRejection(GatewayCloseCodes.AlreadyAuthenticated, ViolationKind.AlreadyAuthenticated, "Already authenticated: Resume on a connection that carries a session."));
            return;
        }

        if (!ResumePayload.TryParse(data, out var resume, out var problem))
        {
            Close(new GatewayRejection(GatewayCloseCodes.UnknownOpcode, ViolationKind.UnknownOpcode, $"Invalid Resume: {problem}."));
            return;
        }

        if (!string.Equals(resume.Token, _services.Options.Token, StringComparison.Ordinal))
        {
            Close(new GatewayRejection(GatewayCloseCodes.AuthenticationFailed, ViolationKind.AuthenticationFailed, "Authentication failed: the token is not valid."));
            return;
        }

        var session = _hub.Registry.Find(resume.SessionId);
        if (session is null)
        {
            Send(GatewayPayloads.InvalidSessionNotResumable);
            return;
        }

        Record.SessionId = session.Id;
        Record.Shard = session.Shard;
        var lastSequence = session.Snapshot().Sequence;
        switch (session.Resume(this, resume.Sequence, out var displaced))
        {
            case ResumeOutcome.Resumed:
                Adopt(session);
                displaced?.OnSessionTakenOver(session);
                return;
            case ResumeOutcome.InvalidSequence:
                // Discord says to start a new session after 4007, so the session is dropped.
                _hub.Registry.Remove(session);
                Close(new GatewayRejection(GatewayCloseCodes.InvalidSequence, ViolationKind.InvalidSequence,
                    $"Invalid seq: resume from {resume.Sequence}, but session {session.Id} last sent {lastSequence}."), session.Shard);
                return;
            default:
                // Expired, or the dispatches after seq are no longer kept: the session cannot be restored.
                Record.SessionId = null;
                Record.Shard = null;
                _hub.Registry.Remove(session);
                Send(GatewayPayloads.InvalidSessionNotResumable);
                return;
        }
    }

    private RequestOutcome OnPresenceUpdate(JsonElement data, DateTimeOffset now)
    {
        if (PresenceRules.Validate(data) is { } problem)
            return RequestOutcome.Invalid(problem);
        // Discord documents the limit but not the penalty: the emulator drops the update and records it.
        if (!_presenceLimit.TryAcquire(now))
            return RequestOutcome.Violated(ViolationKind.PresenceLimit, $"More than {PresenceLimit} presence updates within {PresenceLimitWindow.TotalSeconds:0} s: update dropped.");
        return RequestOutcome.Answered;
    }

    private void OnHeartbeatTimeout() =>
        Close(new GatewayRejection(GatewayCloseCodes.UnknownError, ViolationKind.HeartbeatTimeout,
            $"No heartbeat within {_watchdog.Timeout.TotalMilliseconds:0} ms: connection closed, the session stays resumable."));

    private void Adopt(EmulatedSession session)
    {
        Volatile.Write(ref _session, session);
        // A close decided meanwhile (heartbeat timeout, fault) found no session to release: release it now.
        if (Writer.IsClosing)
            ReleaseSession(endsSession: false);
    }

    private void ReleaseSession(bool endsSession)
    {
        var session = Interlocked.Exchange(ref _session, null);
        if (session is null)
            return;
        if (endsSession)
            _hub.Registry.Remove(session);
        else
            session.Detach(this);
    }

    private void Close(GatewayRejection rejection, ShardTuple? shard = null, bool discardPending = false)
    {
        lock (_closeGate)
        {
            if (_ended || Writer.IsClosing)
                return;
            Record.ServerCloseCode = rejection.CloseCode;
            if (rejection.Violation is { } kind)
                RecordViolation(kind, rejection.Reason, shard ?? Session?.Shard);
            GatewayLog.ServerClose(_logger, Id, rejection.CloseCode, rejection.Reason);
            ReleaseSession(GatewayCloseCodes.EndsSession(rejection.CloseCode));
            Writer.TryClose(rejection.CloseCode, CloseReason(rejection.Reason), discardPending);
            _stop.CancelAfter(StuckCloseTimeout);
        }

        _watchdog.Dispose();
    }

    private void Send(byte[] payload) => Writer.TryEnqueue(new OutboundFrame(OutboundKind.Payload, Payload: payload));

    private void RecordViolation(ViolationKind kind, string detail, ShardTuple? shard) =>
        _services.Observations.Record(new RuleViolation(kind, Id, shard, detail, _services.Time.GetUtcNow()));

    private async Task EndAsync(Task writing)
    {
        // Under the close gate: a close decided on another thread either finishes first or sees the end.
        lock (_closeGate)
            _ended = true;
        _watchdog.Dispose();
        // A connection that dropped keeps its session for a resume; a 1000/1001 close already ended it.
        ReleaseSession(endsSession: false);
        Writer.Complete();
        try
        {
            await writing.WaitAsync(CloseHandshakeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            _socket.Abort();
        }

        try
        {
            await writing.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            GatewayLog.ConnectionFailed(_logger, Id, exception);
        }

        Record.ClosedAt = _services.Time.GetUtcNow();
        GatewayLog.ConnectionEnded(_logger, Id, Record.ServerCloseCode, Record.ClientCloseCode);
        _encoder?.Dispose();
        _stop.Dispose();
        _completion.TrySetResult();
    }

    // A close frame's reason is at most 123 bytes of UTF-8.
    private static string CloseReason(string reason)
    {
        const int MaxReasonBytes = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
            return reason;
        var cut = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, cut)) > MaxReasonBytes - 3)
            cut--;
        return string.Concat(reason.AsSpan(0, cut), "...");
    }
}

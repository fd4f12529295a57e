using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Coordination;
using Disgo.Gateway.Sending;
using Disgo.Models.Events;
using Disgo.Models.Gateway;
using Disgo.Serialization;

namespace Disgo.Gateway.Session;

/// <summary>
/// The receive loop: every payload of a connection, in order. Control opcodes are handled inline; dispatches are
/// admitted by sequence number (exactly once) and queued for the dispatcher. Nothing here waits for user code,
/// except the back-pressure of a full queue in Wait mode.
/// </summary>
public sealed partial class GatewaySession
{
    private async Task<ConnectionEnd> ReceiveAsync(SessionConnection connection, string? resumeSessionId)
    {
        var reader = connection.Reader;
        while (true)
        {
            bool received;
            try
            {
                // No token: SessionConnection.Abort ends a pending read by aborting the socket, and a token here
                // would keep two registrations alive per idle connection.
                received = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (GatewayDecodeException exception)
            {
                RecycleAfterBadInput(connection, exception);
                continue;
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
            {
                return End(connection, ConnectionEndReason.Dropped, null, exception);
            }

            if (!received)
            {
                var closeCode = (int?)connection.Socket.CloseStatus;
                if (connection.IsClosing)
                {
                    GatewaySessionLog.ClosedWhileClosing(_logger, _shardLabel, closeCode);
                }

                return End(connection, closeCode is null ? ConnectionEndReason.Dropped : ConnectionEndReason.ServerClosed, closeCode, null);
            }

            // Once closing, nothing more is taken in: what is not admitted now is replayed on the next connection.
            if (connection.IsClosing)
            {
                continue;
            }

            try
            {
                await HandlePayloadAsync(connection, resumeSessionId).ConfigureAwait(false);
            }
            catch (GatewayDecodeException exception)
            {
                RecycleAfterBadInput(connection, exception);
            }
            catch (OperationCanceledException) when (connection.Token.IsCancellationRequested)
            {
                // Torn down while waiting for room in the dispatch queue; that event was not admitted.
                return End(connection, ConnectionEndReason.Dropped, null, null);
            }
        }
    }

    /// <summary>How the connection ended: the client's own close, if it asked for one, explains it best.</summary>
    private static ConnectionEnd End(SessionConnection connection, ConnectionEndReason observed, int? closeCode, Exception? error) =>
        connection.RequestedEnd is { } requested
            ? new ConnectionEnd(requested, connection.RequestedCloseCode, error, connection.Url, connection.ToResumeUrl, connection.IsProven)
            : new ConnectionEnd(observed, closeCode, error, connection.Url, connection.ToResumeUrl, connection.IsProven);

    private void RecycleAfterBadInput(SessionConnection connection, GatewayDecodeException exception)
    {
        if (!connection.IsClosing)
        {
            GatewaySessionLog.BadInput(_logger, _shardLabel, exception);
            connection.RequestClose(GatewayCloseCodes.ClientResumableClose, ConnectionEndReason.BadInput);
        }
    }

    private ValueTask HandlePayloadAsync(SessionConnection connection, string? resumeSessionId)
    {
        var payload = connection.Reader.Payload.Span;
        var envelope = GatewayEnvelope.Read(payload);
        switch ((GatewayOpcode)envelope.Opcode)
        {
            case GatewayOpcode.Dispatch:
                return HandleDispatchAsync(connection, envelope);
            case GatewayOpcode.HeartbeatAck:
                OnHeartbeatAck(connection);
                break;
            case GatewayOpcode.Heartbeat:
                OnHeartbeatRequest(connection);
                break;
            case GatewayOpcode.Hello:
                OnHello(connection, envelope.DataAndRest(payload), resumeSessionId);
                break;
            case GatewayOpcode.Reconnect:
                GatewaySessionLog.ReconnectRequested(_logger, _shardLabel);
                connection.RequestClose(GatewayCloseCodes.ClientResumableClose, ConnectionEndReason.ReconnectRequested);
                break;
            case GatewayOpcode.InvalidSession:
                return OnInvalidSessionAsync(connection, ReadInvalidSession(envelope.Data(payload)));
            default:
                // An opcode this client does not know may carry state it must act on (Discord documents every opcode a
                // server sends): the connection cannot be trusted, but the session can, so it is resumed on a new one.
                throw new GatewayDecodeException($"The gateway sent opcode {envelope.Opcode}, which is not one a server sends (0, 1, 7, 9, 10, 11).");
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask HandleDispatchAsync(SessionConnection connection, GatewayEnvelope envelope)
    {
        var sequence = envelope.Sequence ?? throw new GatewayDecodeException("A dispatch (op 0) has no sequence number (s).");
        var payload = connection.Reader.Payload;
        if (payload.Span[envelope.EventName].IsEmpty)
        {
            throw new GatewayDecodeException($"A dispatch (op 0, sequence {sequence}) has no event name (t).");
        }

        if (sequence <= (LastSequence ?? 0))
        {
            GatewaySessionLog.ReplayDropped(_logger, _shardLabel, sequence);
            return;
        }

        var sessionId = _sessionId;
        var eventName = payload.Span[envelope.EventName];
        if (eventName.SequenceEqual("READY"u8))
        {
            await OnReadyAsync(connection, Read(envelope.DataAndRest(payload.Span), DisgoJsonContext.Default.Ready, "READY")).ConfigureAwait(false);
            sessionId = null;
        }
        else if (eventName.SequenceEqual("RESUMED"u8))
        {
            OnResumed(connection);
        }
        else if (_memberRequests is { IsEmpty: false })
        {
            OnPossibleMemberAnswer(eventName, envelope.DataAndRest(payload.Span));
        }

        if (_dispatcher.Handles(connection.Reader.Payload.Span[envelope.EventName]))
        {
            var queued = new QueuedDispatch(connection.Reader.DetachPayload(), envelope, sessionId);
            await _queue.EnqueueAsync(queued, connection.Token).ConfigureAwait(false);
            GatewayMetrics.EventsDispatched.Add(1, _shardTag, _shardCountTag);
        }

        // Admitted only once queued: an event lost to a teardown while waiting for the queue is replayed later.
        _tracker.TryAdmit(sequence, out var missed);
        Volatile.Write(ref _lastSequence, sequence);
        GatewayMetrics.EventsReceived.Add(1, _shardTag, _shardCountTag);
        if (missed > 0)
        {
            GatewaySessionLog.SequenceGap(_logger, _shardLabel, missed, sequence);
        }
    }

    private void OnHello(SessionConnection connection, ReadOnlySpan<byte> data, string? resumeSessionId)
    {
        if (connection.Heartbeat is not null)
        {
            GatewaySessionLog.RepeatedHello(_logger, _shardLabel);
            return;
        }

        var hello = Read(data, DisgoJsonContext.Default.Hello, "Hello");
        if (hello.HeartbeatInterval <= 0)
        {
            throw new GatewayDecodeException($"Hello has a heartbeat_interval of {hello.HeartbeatInterval} ms; it must be positive.");
        }

        connection.OnHello(hello.HeartbeatPeriod);
        connection.Run(RunHeartbeatsAsync);
        connection.Run(resumeSessionId is null ? IdentifyAsync : c => ResumeAsync(c, resumeSessionId));
    }

    private void OnHeartbeatAck(SessionConnection connection)
    {
        if (connection.Heartbeat is not { } heartbeat)
        {
            return;
        }

        heartbeat.RecordAck();
        Interlocked.Increment(ref _heartbeatAcks);
        if (heartbeat.Latency is { } latency)
        {
            Volatile.Write(ref _latencyTicks, latency.Ticks);
            GatewayMetrics.HeartbeatLatency.Record(latency.TotalMilliseconds, _shardTag, _shardCountTag);
        }

        if (connection.IsAuthenticated)
        {
            connection.IsProven = true;
        }
    }

    private void OnHeartbeatRequest(SessionConnection connection)
    {
        // Before Hello there is no rhythm or send budget yet; the first scheduled beat follows soon after.
        if (connection.Heartbeat is not { } heartbeat)
        {
            return;
        }

        heartbeat.RecordBeatSent();
        connection.Run(c => SendHeartbeatAsync(c, c.Token).AsTask());
    }

    private static bool ReadInvalidSession(ReadOnlySpan<byte> data) =>
        data.SequenceEqual("true"u8) || (data.SequenceEqual("false"u8)
            ? false
            : throw new GatewayDecodeException("Invalid Session (op 9) has a d that is neither true nor false."));

    private async ValueTask OnInvalidSessionAsync(SessionConnection connection, bool resumable)
    {
        GatewaySessionLog.InvalidSession(_logger, _shardLabel, resumable);
        await connection.ReleaseIdentifyLeaseAsync(IdentifyOutcome.InvalidSession).ConfigureAwait(false);
        connection.RequestClose(
            GatewayCloseCodes.ClientResumableClose,
            resumable ? ConnectionEndReason.InvalidSessionResumable : ConnectionEndReason.InvalidSessionNotResumable);
    }

    private async ValueTask OnReadyAsync(SessionConnection connection, Ready ready)
    {
        if (string.IsNullOrEmpty(ready.SessionId))
        {
            throw new GatewayDecodeException("READY has no session_id.");
        }

        Uri? resumeUrl = null;
        if (!Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var announced))
        {
            GatewaySessionLog.ResumeUrlRejected(_logger, _shardLabel, "missing or not an absolute URL");
        }
        else if (GatewayUrls.GatewayUrlProblem(announced) is { } problem)
        {
            GatewaySessionLog.ResumeUrlRejected(_logger, _shardLabel, problem);
        }
        else
        {
            resumeUrl = announced;
        }

        _sessionId = ready.SessionId;
        _resumeUrl = resumeUrl;
        _resumeUrlFailures = 0;
        await connection.ReleaseIdentifyLeaseAsync(IdentifyOutcome.Ready).ConfigureAwait(false);
        GatewaySessionLog.Ready(_logger, _shardLabel, ready.SessionId, ready.Guilds.Count);
        BecomeReady(connection);
    }

    private void OnResumed(SessionConnection connection)
    {
        GatewayMetrics.Resumes.Add(1, _shardTag, _shardCountTag);
        GatewaySessionLog.Resumed(_logger, _shardLabel, _sessionId ?? "");
        BecomeReady(connection);
    }

    private void BecomeReady(SessionConnection connection)
    {
        connection.MarkAuthenticated();
        SetStatus(GatewaySessionStatus.Ready);
        lock (_gate)
        {
            if (!_readyConnection.TrySetResult(connection))
            {
                var ready = NewReadyConnection();
                ready.SetResult(connection);
                _readyConnection = ready;
            }
        }

        _firstReady.TrySetResult();
    }

    private void OnPossibleMemberAnswer(ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> data)
    {
        try
        {
            if (eventName.SequenceEqual("GUILD_MEMBERS_CHUNK"u8))
            {
                var chunk = Read(data, DisgoJsonContext.Default.GuildMembersChunk, "GUILD_MEMBERS_CHUNK");
                if (chunk.Nonce is { } nonce && MemberRequests.TryGetValue(nonce, out var pending) && pending.Add(chunk))
                {
                    MemberRequests.TryRemove(new KeyValuePair<string, PendingMemberRequest>(nonce, pending));
                }
            }
            else if (eventName.SequenceEqual("RATE_LIMITED"u8))
            {
                var limited = Read(data, DisgoJsonContext.Default.RateLimited, "RATE_LIMITED");
                if (limited.Meta?.Nonce is { } nonce && MemberRequests.TryRemove(nonce, out var pending))
                {
                    pending.Fail(new GatewayRateLimitedException(limited.Opcode, limited.RetryAfterTimeSpan, limited.Meta.GuildId, nonce));
                }
            }
        }
        catch (GatewayDecodeException exception)
        {
            // The answer belongs to a request, not to the connection: the dispatcher still gets the event.
            GatewaySessionLog.MemberAnswerUnreadable(_logger, _shardLabel, exception);
        }
    }

    private async Task RunHeartbeatsAsync(SessionConnection connection)
    {
        var heartbeat = connection.Heartbeat!;
        try
        {
            await heartbeat.RunUntilZombiedAsync(token => SendHeartbeatAsync(connection, token), () => _queue.IsWriterWaiting, connection.Token)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or WebSocketException)
        {
            // The connection is ending; the receive loop reports why.
            return;
        }

        if (!connection.IsClosing)
        {
            GatewaySessionLog.Zombied(_logger, _shardLabel, heartbeat.Interval.TotalMilliseconds);
            SetStatus(GatewaySessionStatus.Zombied, GatewayCloseCodes.ClientResumableClose, "A heartbeat went unacknowledged until the next was due.");
            connection.RequestClose(GatewayCloseCodes.ClientResumableClose, ConnectionEndReason.Zombied);
        }
    }

    private ValueTask SendHeartbeatAsync(SessionConnection connection, CancellationToken cancellationToken) =>
        connection.SendAsync(GatewaySendKind.Heartbeat, GatewayCommandWriter.Heartbeat(LastSequence), cancellationToken);

    private async Task IdentifyAsync(SessionConnection connection)
    {
        SetStatus(GatewaySessionStatus.Identifying);
        try
        {
            var lease = await _identifyCoordinator.AcquireAsync(_shard, connection.Token).ConfigureAwait(false);
            connection.HoldIdentifyLease(lease);
            GatewaySessionLog.Identifying(_logger, _shardLabel);
            await connection.SendAsync(GatewaySendKind.Identify, _identifyPayload, connection.Token).ConfigureAwait(false);
            GatewayMetrics.Identifies.Add(1, _shardTag, _shardCountTag);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ObjectDisposedException or WebSocketException))
        {
            GatewaySessionLog.AuthenticationSendFailed(_logger, _shardLabel, exception);
            connection.RequestClose(GatewayCloseCodes.ClientResumableClose, ConnectionEndReason.ClientFailure);
        }
    }

    private async Task ResumeAsync(SessionConnection connection, string sessionId)
    {
        var sequence = LastSequence ?? 0;
        GatewaySessionLog.Resuming(_logger, _shardLabel, sessionId, sequence, GatewayUrls.Display(connection.Url));
        var resume = new Resume { Token = _token, SessionId = sessionId, Sequence = sequence };
        try
        {
            await connection.SendAsync(GatewaySendKind.Resume, GatewayCommandWriter.Write(GatewayOpcode.Resume, resume, DisgoJsonContext.Default.Resume), connection.Token)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ObjectDisposedException or WebSocketException))
        {
            GatewaySessionLog.AuthenticationSendFailed(_logger, _shardLabel, exception);
            connection.RequestClose(GatewayCloseCodes.ClientResumableClose, ConnectionEndReason.ClientFailure);
        }
    }

    /// <summary>Deserializes the <c>d</c> that <paramref name="data"/> starts with (it may be followed by the rest of the payload).</summary>
    private static T Read<T>(ReadOnlySpan<byte> data, JsonTypeInfo<T> typeInfo, string what)
    {
        try
        {
            return JsonValue.Deserialize(data, typeInfo);
        }
        catch (JsonException exception)
        {
            throw new GatewayDecodeException($"The d of {what} does not fit its model: {exception.Message}", exception);
        }
    }
}

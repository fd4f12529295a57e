using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using Disgo.Gateway.Compression;
using Disgo.Models.Gateway;

namespace Disgo.Gateway.Session;

/// <summary>The connection loop: one connection after another until the session stops, and what follows each one.</summary>
public sealed partial class GatewaySession
{
    /// <summary>Discord's old rule, still what its gateway expects: a random 1-5 s pause before identifying after op 9.</summary>
    private static readonly TimeSpan InvalidSessionPauseMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan InvalidSessionPauseMax = TimeSpan.FromSeconds(5);

    /// <summary>How long a WebSocket handshake may take: a connect that hangs must not keep a shard offline.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    private HttpClient? _http;
    private Uri? _gatewayUrl;
    private int _failures;
    private int _resumeUrlFailures;
    private bool _pauseBeforeIdentify;

    private async Task RunAsync()
    {
        Exception? failure = null;
        int? closeCode = null;
        try
        {
            closeCode = await ConnectLoopAsync(_lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Stopped between connections.
        }
        catch (Exception exception)
        {
            // A fatal close or bootstrap failure; anything else is a fault of Disgo or of the dispatcher (Handles must
            // not throw), and stopping loudly beats reconnecting into the same fault forever.
            failure = exception;
        }

        Finish(failure, failure is GatewayFatalCloseException fatal ? fatal.CloseCode.Code : closeCode);
    }

    /// <summary>Runs connections until a stop; returns the code the last one was closed with for the stop, if any.</summary>
    private async Task<int?> ConnectLoopAsync(CancellationToken cancellationToken)
    {
        while (!IsStopRequested())
        {
            await PauseBeforeConnectingAsync(cancellationToken).ConfigureAwait(false);
            var resumeSessionId = _sessionId;
            var resumeUrl = resumeSessionId is null ? null : _resumeUrl;
            Uri target;
            try
            {
                target = resumeUrl ?? await GatewayUrlAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayBootstrapException exception) when (!exception.IsFatal)
            {
                GatewaySessionLog.BootstrapFailed(_logger, _shardLabel, exception);
                _failures++;
                SetStatus(GatewaySessionStatus.Reconnecting, reason: exception.Message);
                continue;
            }

            SetStatus(resumeSessionId is null ? GatewaySessionStatus.Connecting : GatewaySessionStatus.Resuming);
            var end = await RunConnectionAsync(GatewayUrls.ForConnection(target, _compression), resumeUrl is not null, resumeSessionId, cancellationToken)
                .ConfigureAwait(false);
            if (!ContinueAfter(end))
            {
                return end.CloseCode;
            }
        }

        return null;
    }

    private bool IsStopRequested()
    {
        lock (_gate)
        {
            return _stopMode != StopMode.None;
        }
    }

    private async Task PauseBeforeConnectingAsync(CancellationToken cancellationToken)
    {
        var delay = ReconnectBackoff.DelayFor(_backoff, _failures, Random.Shared.NextDouble());
        if (_pauseBeforeIdentify && _sessionId is null)
        {
            var pause = InvalidSessionPauseMin + ((InvalidSessionPauseMax - InvalidSessionPauseMin) * Random.Shared.NextDouble());
            delay = delay > pause ? delay : pause;
        }

        _pauseBeforeIdentify = false;
        if (delay > TimeSpan.Zero)
        {
            GatewaySessionLog.Waiting(_logger, _shardLabel, delay.TotalMilliseconds);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Uri> GatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (_configuredGatewayUrl is { } configured)
        {
            return configured;
        }

        if (_gatewayUrl is { } cached)
        {
            return cached;
        }

        _http ??= new HttpClient();
        var url = await new GatewayBotClient(_http, _restBaseUrl, _token).GetGatewayUrlAsync(cancellationToken).ConfigureAwait(false);
        _gatewayUrl = url;
        return url;
    }

    private async Task<ConnectionEnd> RunConnectionAsync(Uri url, bool toResumeUrl, string? resumeSessionId, CancellationToken cancellationToken)
    {
        var display = GatewayUrls.Display(url);
        GatewaySessionLog.Connecting(_logger, _shardLabel, display);
        WebSocket socket;
        try
        {
            socket = await ConnectWithTimeoutAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsConnectFailure(exception, cancellationToken))
        {
            GatewaySessionLog.HandshakeFailed(_logger, _shardLabel, display, exception);
            return new ConnectionEnd(ConnectionEndReason.HandshakeFailed, null, exception, url, toResumeUrl, Proven: false);
        }

        if (toResumeUrl)
        {
            _resumeUrlFailures = 0;
        }

        if (resumeSessionId is null)
        {
            // A new session numbers its events from 1 again.
            _tracker.Reset();
            Volatile.Write(ref _lastSequence, 0);
            _sessionBaseSequence = 0;
        }

        var connection = new SessionConnection(socket, GatewayDecompressor.Create(_compression), url, toResumeUrl, _timeProvider);
        try
        {
            Publish(connection);
            return await ReceiveAsync(connection, resumeSessionId).ConfigureAwait(false);
        }
        finally
        {
            Unpublish(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Opens the WebSocket within <see cref="HandshakeTimeout"/>. The timeout's sources live only as long as the
    /// connect: kept for the connection, they would hold a timer and two token registrations per idle shard.
    /// </summary>
    private async Task<WebSocket> ConnectWithTimeoutAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HandshakeTimeout, _timeProvider);
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await _connectWebSocket(url, handshake.Token).ConfigureAwait(false);
    }

    /// <summary>Whether a connect failed in a way a later attempt can get past (not a stop, not a fault in Disgo or the connector).</summary>
    private static bool IsConnectFailure(Exception exception, CancellationToken sessionToken) =>
        exception is WebSocketException or IOException or SocketException or AuthenticationException or HttpRequestException
        || (exception is OperationCanceledException && !sessionToken.IsCancellationRequested);

    private void Publish(SessionConnection connection)
    {
        StopMode mode;
        lock (_gate)
        {
            _connection = connection;
            mode = _stopMode;
        }

        // A stop that came during the handshake found no connection to close: close this one.
        if (mode != StopMode.None)
        {
            CloseForStop(connection, mode);
        }
    }

    private void Unpublish(SessionConnection connection)
    {
        lock (_gate)
        {
            _connection = null;
            var ready = _readyConnection.Task;
            if (ready.IsCompletedSuccessfully && ReferenceEquals(ready.Result, connection))
            {
                _readyConnection = NewReadyConnection();
            }
        }
    }

    private static void CloseForStop(SessionConnection connection, StopMode mode) =>
        connection.RequestClose(CloseCodeFor(mode), mode == StopMode.Stop ? ConnectionEndReason.Stopping : ConnectionEndReason.Detaching);

    /// <summary>Decides what follows a connection; false when the session stops.</summary>
    /// <exception cref="GatewayFatalCloseException">The server closed with a code after which reconnecting cannot help.</exception>
    private bool ContinueAfter(ConnectionEnd end)
    {
        string? reason = null;
        switch (end.Reason)
        {
            case ConnectionEndReason.Stopping or ConnectionEndReason.Detaching:
                return false;
            case ConnectionEndReason.HandshakeFailed:
                reason = $"The handshake with {GatewayUrls.Display(end.Url)} failed: {end.Error?.Message}";
                if (end.ToResumeUrl && ++_resumeUrlFailures >= _resumeUrlFailureLimit)
                {
                    GatewaySessionLog.ResumeUrlFallback(_logger, _shardLabel, GatewayUrls.Display(end.Url), _resumeUrlFailures);
                    _resumeUrl = null;
                    _resumeUrlFailures = 0;
                }
                else if (!end.ToResumeUrl)
                {
                    // Discord: fetch the gateway URL again when connecting with the cached one fails.
                    _gatewayUrl = null;
                }

                break;
            case ConnectionEndReason.ServerClosed:
                var closeCode = GatewayCloseCodes.Get(end.CloseCode ?? 0);
                reason = closeCode.Describe(_intents);
                GatewaySessionLog.ServerClosed(_logger, _shardLabel, reason);
                if (closeCode.IsFatal)
                {
                    throw new GatewayFatalCloseException(closeCode, _intents);
                }

                if (closeCode.RequiresNewSession)
                {
                    ForgetSession(reason);
                }

                break;
            case ConnectionEndReason.InvalidSessionNotResumable:
                reason = "Invalid session (op 9, not resumable): identifying a new session after 1-5 s.";
                ForgetSession(reason);
                _pauseBeforeIdentify = true;
                break;
            case ConnectionEndReason.InvalidSessionResumable:
                reason = "Invalid session (op 9, resumable).";
                _pauseBeforeIdentify = _sessionId is null;
                break;
            case ConnectionEndReason.Dropped:
                GatewaySessionLog.Dropped(_logger, _shardLabel, end.Error);
                reason = "The connection dropped.";
                break;
            case ConnectionEndReason.Zombied:
                reason = "No heartbeat ACK: the connection was a zombie.";
                break;
            case ConnectionEndReason.ReconnectRequested:
                reason = "The gateway asked for a reconnect (op 7).";
                break;
            case ConnectionEndReason.BadInput:
                reason = "The gateway sent data that cannot be decoded.";
                break;
            case ConnectionEndReason.NoHello:
                GatewaySessionLog.NoHello(_logger, _shardLabel, SessionConnection.HelloTimeout.TotalMilliseconds);
                reason = "No Hello arrived.";
                break;
            case ConnectionEndReason.ClientFailure:
                reason = "Identify or Resume could not be sent.";
                break;
        }

        _failures = end.Proven ? 1 : _failures + 1;
        GatewayMetrics.Reconnects.Add(1, _shardTag, _shardCountTag);
        SetStatus(GatewaySessionStatus.Reconnecting, end.CloseCode, reason);
        return true;
    }

    /// <summary>The session cannot be resumed: the next connection identifies, and answers it owed never come.</summary>
    private void ForgetSession(string reason)
    {
        _sessionId = null;
        _resumeUrl = null;
        _resumeUrlFailures = 0;
        FailMemberRequests(new InvalidOperationException($"The Discord session ended before the answer arrived: {reason} Request again."));
    }

    private void Finish(Exception? failure, int? closeCode)
    {
        var stopped = new ObjectDisposedException(nameof(GatewaySession), "The gateway session has stopped.");
        lock (_gate)
        {
            _readyConnection.TrySetException(failure ?? stopped);
            if (_readyConnection.Task.IsCompletedSuccessfully)
            {
                var gone = NewReadyConnection();
                gone.SetException(failure ?? stopped);
                _readyConnection = gone;
            }
        }

        // Nobody may be waiting on these; reading the exception keeps it from being reported as unobserved.
        _ = _readyConnection.Task.Exception;
        FailMemberRequests(failure ?? stopped);
        _firstReady.TrySetException(failure ?? stopped);
        _ = _firstReady.Task.Exception;
        if (failure is null)
        {
            GatewaySessionLog.Stopped(_logger, _shardLabel, closeCode);
        }
        else
        {
            GatewaySessionLog.StoppedByFailure(_logger, _shardLabel, failure);
        }

        SetStatus(GatewaySessionStatus.Stopped, closeCode, failure?.Message, failure);
        if (failure is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(failure);
        }
    }
}

using System.Net.WebSockets;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Heartbeats;
using Disgo.Gateway.Coordination;
using Disgo.Gateway.Sending;
using Disgo.Gateway.Transport;
using Disgo.Models.Gateway;

namespace Disgo.Gateway.Session;

/// <summary>
/// One WebSocket of a session and everything that lives exactly as long as it: the decompression context, the send
/// limiter (Discord counts per connection), the heartbeat rhythm, the identify lease while one is held, and the tasks
/// that beat and authenticate. Closing is two-step, so the close frame really goes out: the frame is sent and the
/// receive loop reads on until the server answers; if it does not within <see cref="CloseTimeout"/>, the socket is aborted.
/// </summary>
internal sealed class SessionConnection : IAsyncDisposable
{
    /// <summary>How long a close handshake, or a Hello, may take before the socket is given up.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long after the handshake Hello may take.</summary>
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(20);

    private readonly IGatewayDecompressor _decompressor;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _background = [];
    private ITimer? _helloTimer;
    private ITimer? _closeTimer;
    private GatewaySendLimiter? _limiter;
    private IIdentifyLease? _identifyLease;
    private int _closeRequested;
    private int _disposed;
    private volatile bool _isAuthenticated;

    public SessionConnection(WebSocket socket, IGatewayDecompressor decompressor, Uri url, bool toResumeUrl, TimeProvider timeProvider)
    {
        Socket = socket;
        _decompressor = decompressor;
        _timeProvider = timeProvider;
        Url = url;
        ToResumeUrl = toResumeUrl;
        Reader = new GatewayMessageReader(socket, decompressor);
        _helloTimer = timeProvider.CreateTimer(
            static state => ((SessionConnection)state!).RequestClose(GatewayCloseCodes.ClientResumableClose, ConnectionEndReason.NoHello),
            this,
            HelloTimeout,
            Timeout.InfiniteTimeSpan);
    }

    public WebSocket Socket { get; }

    public GatewayMessageReader Reader { get; }

    public Uri Url { get; }

    public bool ToResumeUrl { get; }

    /// <summary>Set at Hello.</summary>
    public HeartbeatTimer? Heartbeat { get; private set; }

    /// <summary>Whether READY or RESUMED arrived on this connection, so commands may be sent on it.</summary>
    public bool IsAuthenticated => _isAuthenticated;

    /// <summary>Whether the connection proved itself: authenticated, then a heartbeat was acknowledged.</summary>
    public bool IsProven { get; set; }

    /// <summary>Whether a close was requested: nothing more is sent, and what still arrives is not processed.</summary>
    public bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

    /// <summary>Why the client closed, if it did.</summary>
    public ConnectionEndReason? RequestedEnd { get; private set; }

    /// <summary>The code the client closed with, if it did.</summary>
    public int? RequestedCloseCode { get; private set; }

    /// <summary>Cancelled when the connection is torn down: stops its heartbeats, its identify wait, its queue waits.</summary>
    public CancellationToken Token => _lifetime.Token;

    /// <summary>Completes once the connection is disposed.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Hello arrived: the heartbeat interval is known, so the beats and the send budget can start.</summary>
    public void OnHello(TimeSpan heartbeatInterval)
    {
        // Let the timer go, not just stop it: an idle connection should not keep a spent timer.
        Interlocked.Exchange(ref _helloTimer, null)?.Dispose();
        Heartbeat = new HeartbeatTimer(heartbeatInterval, _timeProvider);
        Volatile.Write(ref _limiter, new GatewaySendLimiter(_timeProvider, GatewaySendLimiter.ReservedSlotsFor(heartbeatInterval)));
    }

    public void MarkAuthenticated()
    {
        _isAuthenticated = true;
        ForgetFinishedWork();
    }

    /// <summary>
    /// Runs <paramref name="work"/> for the connection's lifetime; it is awaited when the connection is disposed.
    /// Called from the receive loop only, like <see cref="MarkAuthenticated"/>.
    /// </summary>
    public void Run(Func<SessionConnection, Task> work)
    {
        ForgetFinishedWork();
        _background.Add(work(this));
    }

    /// <summary>Keeps the identify lease until READY, Invalid Session or the end of the connection releases it.</summary>
    public void HoldIdentifyLease(IIdentifyLease lease) => Volatile.Write(ref _identifyLease, lease);

    /// <summary>Releases the identify lease if it is still held.</summary>
    public ValueTask ReleaseIdentifyLeaseAsync(IdentifyOutcome outcome) =>
        Interlocked.Exchange(ref _identifyLease, null)?.ReleaseAsync(outcome) ?? ValueTask.CompletedTask;

    /// <summary>
    /// Sends one payload once the connection's budget allows <paramref name="kind"/>. Only the waits are cancellable:
    /// cancelling a WebSocket send would abort the connection.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The connection is closing or gone; the payload was not sent.</exception>
    public async ValueTask SendAsync(GatewaySendKind kind, byte[] payload, CancellationToken cancellationToken)
    {
        var limiter = Volatile.Read(ref _limiter) ?? throw new InvalidOperationException("Nothing can be sent before Hello.");
        await limiter.AcquireAsync(kind, cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(IsClosing, this);
            await Socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Closes with <paramref name="code"/> for <paramref name="reason"/>, unless a close was already requested. The
    /// receive loop keeps reading until the server answers or <see cref="CloseTimeout"/> passes.
    /// </summary>
    public bool RequestClose(int code, ConnectionEndReason reason)
    {
        if (Interlocked.CompareExchange(ref _closeRequested, 1, 0) != 0)
        {
            return false;
        }

        RequestedEnd = reason;
        RequestedCloseCode = code;
        Volatile.Write(ref _closeTimer, _timeProvider.CreateTimer(static state => ((SessionConnection)state!).Abort(), this, CloseTimeout, Timeout.InfiniteTimeSpan));
        _ = SendCloseAsync(code);
        return true;
    }

    /// <summary>Cuts the connection at once: the receive loop ends, and every wait of the connection is cancelled.</summary>
    public void Abort()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            Socket.Abort();
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing left to cut.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await AnswerServerCloseAsync().ConfigureAwait(false);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        foreach (var task in _background)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or WebSocketException)
            {
                // The connection is gone; so is what was running on it.
            }
        }

        await ReleaseIdentifyLeaseAsync(IdentifyOutcome.ConnectionLost).ConfigureAwait(false);
        Interlocked.Exchange(ref _helloTimer, null)?.Dispose();
        Volatile.Read(ref _closeTimer)?.Dispose();
        Volatile.Read(ref _limiter)?.Dispose();
        Reader.Dispose();
        _decompressor.Dispose();
        Socket.Dispose();
        _lifetime.Dispose();
        _ended.TrySetResult();
    }

    /// <summary>
    /// Drops work that finished cleanly (an identify once READY is in, an answered heartbeat request): there is nothing
    /// left to await, and an idle connection should not hold on to it. Failed work stays, to be observed at disposal.
    /// </summary>
    private void ForgetFinishedWork() => _background.RemoveAll(static task => task.IsCompletedSuccessfully);

    private async Task SendCloseAsync(int code)
    {
        try
        {
            await _sendLock.WaitAsync(_lifetime.Token).ConfigureAwait(false);
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync((WebSocketCloseStatus)code, string.Empty, _lifetime.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection failed while closing: the receive loop sees it end.
            Abort();
        }
    }

    private async Task AnswerServerCloseAsync()
    {
        // The server closed first: complete the handshake. Never with 1000/1001, which would end the session.
        if (IsClosing || Socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        var code = Socket.CloseStatus is { } status && !GatewayCloseCodes.EndsSessionWhenSentByClient((int)status) && IsSendable((int)status)
            ? (int)status
            : GatewayCloseCodes.ClientResumableClose;
        using var timeout = new CancellationTokenSource(CloseTimeout, _timeProvider);
        try
        {
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, string.Empty, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Best effort: the server already considers the connection closed.
        }
    }

    // Codes a close frame may carry (RFC 6455 7.4): 1005, 1006 and 1015 are reserved for reporting only.
    private static bool IsSendable(int code) => code is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);
}

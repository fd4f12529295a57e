using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The only writer of one connection's socket: frames from the receive loop, from dispatch routing on other
/// threads and from fault injection queue up here and go out one at a time, in order, through the connection's
/// compression context. A close frame ends the queue; frames still queued then are never sent (sessions keep them
/// for replay).
/// </summary>
internal sealed class FrameWriter
{
    // A client that stops reading would otherwise make the queue grow without bound; Discord drops such clients too.
    private const int MaxPendingPayloads = 50_000;

    private readonly Channel<OutboundFrame> _queue = Channel.CreateUnbounded<OutboundFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _closeLock = new();
    private readonly CancellationTokenSource _closeNow = new();
    private readonly WebSocket _socket;
    private readonly CoalescingStream? _output;
    private readonly PayloadEncoder? _encoder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _connectionId;
    private byte[] _scratch = new byte[4096];
    private long _delayTicks;
    private int _pending;
    private int _overflowed;
    private volatile bool _closeQueued;
    private volatile bool _discardPending;

    public FrameWriter(WebSocket socket, CoalescingStream? output, PayloadEncoder? encoder, TimeProvider time, ILogger logger, long connectionId)
    {
        _socket = socket;
        _output = output;
        _encoder = encoder;
        _time = time;
        _logger = logger;
        _connectionId = connectionId;
    }

    /// <summary>Raised on the writer's loop once the close frame is on the wire.</summary>
    public event Action? CloseSent;

    /// <summary>Whether a close frame is queued: nothing else will be sent.</summary>
    public bool IsClosing => _closeQueued;

    /// <summary>Queues a frame; false once the connection is closing or gone (the frame is not sent).</summary>
    public bool TryEnqueue(OutboundFrame frame)
    {
        if (_closeQueued)
            return false;
        var pending = Interlocked.Add(ref _pending, frame.PayloadCount);
        if (pending > MaxPendingPayloads)
        {
            Interlocked.Add(ref _pending, -frame.PayloadCount);
            if (Interlocked.Exchange(ref _overflowed, 1) == 0)
            {
                GatewayLog.SlowConsumer(_logger, _connectionId, pending);
                _socket.Abort();
            }

            return false;
        }

        return _queue.Writer.TryWrite(Delayed(frame));
    }

    /// <summary>
    /// Queues the close frame. With <paramref name="discardPending"/> it goes out next and queued frames are dropped
    /// (answering a client's close, shutting down); otherwise it follows everything already queued.
    /// False if a close was already queued.
    /// </summary>
    public bool TryClose(int code, string reason, bool discardPending)
    {
        lock (_closeLock)
        {
            if (_closeQueued)
                return false;
            _closeQueued = true;
            _discardPending = discardPending;
        }

        // A frame being held back by a delay must not hold up a close that drops it anyway.
        if (discardPending)
            _closeNow.Cancel();

        var close = new OutboundFrame(OutboundKind.Close, CloseCode: code, CloseReason: reason);
        _queue.Writer.TryWrite(discardPending ? close : Delayed(close));
        return true;
    }

    /// <summary>
    /// The connection is over: nothing more is queued, frames still queued are dropped (a queued close frame still
    /// goes out, without waiting for a delay), and the writer ends once the queue is empty.
    /// </summary>
    public void Complete()
    {
        _discardPending = true;
        _closeNow.Cancel();
        _queue.Writer.TryComplete();
    }

    /// <summary>Holds back every frame queued from now on by <paramref name="delay"/> (added latency); zero turns it off.</summary>
    public void SetDelay(TimeSpan delay) => Interlocked.Exchange(ref _delayTicks, Math.Max(0, delay.Ticks));

    /// <summary>Sends queued frames until the close frame, cancellation, or a broken socket.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Everything queued right now goes out in as few network writes as possible.
                _output?.Hold();
                while (reader.TryRead(out var frame))
                {
                    Interlocked.Add(ref _pending, -frame.PayloadCount);
                    if (frame.DueAt != 0 && !_discardPending)
                        await WaitUntilAsync(frame.DueAt, cancellationToken).ConfigureAwait(false);
                    if (frame.Kind == OutboundKind.Close)
                    {
                        await SendCloseAsync(frame, cancellationToken).ConfigureAwait(false);
                        await ReleaseAsync(cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    if (_discardPending)
                    {
                        frame.Batch?.Complete(0);
                        continue;
                    }

                    await SendFrameAsync(frame, cancellationToken).ConfigureAwait(false);
                }

                await ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            GatewayLog.SendFailed(_logger, _connectionId, exception);
            _socket.Abort();
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (reader.TryRead(out var unsent))
                unsent.Batch?.Complete(0);
        }
    }

    private OutboundFrame Delayed(OutboundFrame frame)
    {
        var delay = Interlocked.Read(ref _delayTicks);
        return delay == 0 ? frame : frame with { DueAt = _time.GetUtcNow().UtcTicks + delay };
    }

    private async Task WaitUntilAsync(long dueAtTicks, CancellationToken cancellationToken)
    {
        var wait = dueAtTicks - _time.GetUtcNow().UtcTicks;
        if (wait <= 0)
            return;
        // What was sent before the held-back frame must not wait with it.
        await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        _output?.Hold();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closeNow.Token);
        try
        {
            await Task.Delay(TimeSpan.FromTicks(wait), _time, waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_closeNow.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }
    }

    private ValueTask ReleaseAsync(CancellationToken cancellationToken) => _output?.ReleaseAsync(cancellationToken) ?? ValueTask.CompletedTask;

    private async ValueTask SendFrameAsync(OutboundFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Kind)
        {
            case OutboundKind.Payload:
                await SendPayloadAsync(frame.Payload, cancellationToken).ConfigureAwait(false);
                break;
            case OutboundKind.Dispatch:
                var length = Encode(frame.Dispatch!, frame.Sequence);
                await SendPayloadAsync(_scratch.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                break;
            case OutboundKind.Stream:
                await SendBatchAsync(frame.Batch!, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask SendBatchAsync(StreamBatch batch, CancellationToken cancellationToken)
    {
        var written = 0;
        try
        {
            // A batch is never cut short by the caller's cancellation: that would leave a gap in the client's sequence.
            for (; written < batch.Count && !_discardPending; written++)
            {
                var length = Encode(batch.Dispatch, batch.FirstSequence + written);
                await SendPayloadAsync(_scratch.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            batch.Complete(written);
        }
    }

    private int Encode(PreEncodedDispatch dispatch, long sequence)
    {
        if (_scratch.Length < dispatch.MaxEncodedLength)
            _scratch = new byte[Math.Max(dispatch.MaxEncodedLength, _scratch.Length * 2)];
        return dispatch.WriteTo(sequence, _scratch);
    }

    private ValueTask SendPayloadAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        // Discord sends plain JSON in text frames and compressed payloads in binary frames.
        if (_encoder is null)
            return _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return _socket.SendAsync(_encoder.Encode(json.Span), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
    }

    private async ValueTask SendCloseAsync(OutboundFrame frame, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, cancellationToken).ConfigureAwait(false);
            CloseSent?.Invoke();
        }
    }
}

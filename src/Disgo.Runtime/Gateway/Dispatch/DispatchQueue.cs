using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Disgo.Gateway.Dispatch;

/// <summary>
/// The bounded queue between a session's receive loop and its <see cref="IGatewayDispatcher"/>. One consumer task
/// delivers the events in order, so handlers never run on the receive loop and a slow handler delays only the events
/// behind it. Handler failures are logged and do not stop delivery.
/// </summary>
internal sealed partial class DispatchQueue : IAsyncDisposable
{
    private readonly Channel<QueuedDispatch> _channel;
    private readonly IGatewayDispatcher _dispatcher;
    private readonly int _shardId;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _consumer;
    private int _waitingWriters;
    private long _lastDispatched;
    private int _disposed;

    public DispatchQueue(IGatewayDispatcher dispatcher, DispatchQueueOptions options, int shardId, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Capacity, nameof(options.Capacity));
        var fullMode = options.FullMode switch
        {
            DispatchQueueFullMode.Wait => BoundedChannelFullMode.Wait,
            DispatchQueueFullMode.DropOldest => BoundedChannelFullMode.DropOldest,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.FullMode, "Unknown dispatch queue full mode."),
        };

        _dispatcher = dispatcher;
        _shardId = shardId;
        _logger = logger;
        _channel = Channel.CreateBounded<QueuedDispatch>(
            new BoundedChannelOptions(options.Capacity) { FullMode = fullMode, SingleReader = true, SingleWriter = true },
            OnDropped);
        _consumer = ConsumeAsync();
    }

    /// <summary>How many events are waiting for the dispatcher.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>
    /// Whether the receive loop is waiting for a free slot. Meanwhile nothing is read from the socket, heartbeat ACKs
    /// included, so a missing ACK does not mean a dead connection.
    /// </summary>
    public bool IsWriterWaiting => Volatile.Read(ref _waitingWriters) > 0;

    /// <summary>
    /// The sequence of the last event whose delivery finished; <see langword="null"/> before the first. Resuming from it
    /// elsewhere loses nothing, even with events still queued here.
    /// </summary>
    public long? LastDispatchedSequence
    {
        get
        {
            var last = Volatile.Read(ref _lastDispatched);
            return last == 0 ? null : last;
        }
    }

    /// <summary>
    /// Queues an event. The queue owns <paramref name="item"/>'s buffer from this call on, whatever the outcome.
    /// Completes at once unless the queue is full in <see cref="DispatchQueueFullMode.Wait"/> mode.
    /// </summary>
    /// <exception cref="ChannelClosedException">The queue has been completed or disposed.</exception>
    public ValueTask EnqueueAsync(QueuedDispatch item, CancellationToken cancellationToken)
    {
        return _channel.Writer.TryWrite(item) ? ValueTask.CompletedTask : WaitAndEnqueueAsync(item, cancellationToken);
    }

    /// <summary>Accepts no more events, and completes once every queued one has been delivered.</summary>
    public Task CompleteAsync()
    {
        _channel.Writer.TryComplete();
        return _consumer;
    }

    /// <summary>Stops delivery (handlers see their cancellation token fire) and gives back the buffers of undelivered events.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _channel.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _consumer.ConfigureAwait(false);
        while (_channel.Reader.TryRead(out var undelivered))
        {
            undelivered.Payload.Return();
        }

        _stopping.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitAndEnqueueAsync(QueuedDispatch item, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waitingWriters);
        try
        {
            await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            item.Payload.Return();
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _waitingWriters);
        }
    }

    private async Task ConsumeAsync()
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (!_stopping.IsCancellationRequested && reader.TryRead(out var item))
                {
                    await DeliverAsync(item).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed: undelivered events are given back by DisposeAsync.
        }
    }

    // Pooled: a handler that completes asynchronously must not cost an allocation per event.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask DeliverAsync(QueuedDispatch item)
    {
        try
        {
            await _dispatcher.DispatchAsync(item.ToDispatch(_shardId), _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogHandlerFailed(_logger, Encoding.UTF8.GetString(item.EventName.Span), item.Sequence, exception);
        }
        finally
        {
            item.Payload.Return();
        }

        Volatile.Write(ref _lastDispatched, item.Sequence);
    }

    private void OnDropped(QueuedDispatch item)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogDropped(_logger, Encoding.UTF8.GetString(item.EventName.Span), item.Sequence);
        }

        item.Payload.Return();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of {EventName} (sequence {Sequence}) failed; delivery goes on with the next event")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, long sequence, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatch queue is full: dropped the oldest queued event, {EventName} (sequence {Sequence})")]
    private static partial void LogDropped(ILogger logger, string eventName, long sequence);
}

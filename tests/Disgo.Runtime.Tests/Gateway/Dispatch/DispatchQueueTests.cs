using System.Buffers;
using System.Text;
using Disgo.Gateway;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Runtime.Tests.Gateway.Dispatch;

public sealed class DispatchQueueTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Events_reach_the_dispatcher_in_order_with_their_data()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE");
        await using var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions(), shardId: 3, NullLogger.Instance);

        for (var sequence = 1; sequence <= 20; sequence++)
        {
            await queue.EnqueueAsync(Queued("MESSAGE_CREATE", $$"""{"n":{{sequence}}}""", sequence), CancellationToken.None);
        }

        await queue.CompleteAsync().WaitAsync(SafetyNet);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), dispatcher.Delivered.Select(d => d.Sequence));
        Assert.All(dispatcher.Delivered, d => Assert.Equal($$"""{"n":{{d.Sequence}}}""", d.Data));
        Assert.Equal(20, queue.LastDispatchedSequence);
    }

    [Fact]
    public async Task A_slow_handler_does_not_hold_up_enqueueing_while_there_is_room()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE") { Gate = new TaskCompletionSource() };
        await using var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions { Capacity = 8 }, 0, NullLogger.Instance);

        for (var sequence = 1; sequence <= 8; sequence++)
        {
            Assert.True(queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", sequence), CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.Empty(dispatcher.Delivered);
        Assert.Null(queue.LastDispatchedSequence);
        dispatcher.Gate.SetResult();
        await queue.CompleteAsync().WaitAsync(SafetyNet);
        Assert.Equal(8, dispatcher.Delivered.Count);
    }

    [Fact]
    public async Task A_full_queue_in_wait_mode_holds_the_writer_until_there_is_room_and_loses_nothing()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE") { Gate = new TaskCompletionSource() };
        await using var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions { Capacity = 2 }, 0, NullLogger.Instance);
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 1), CancellationToken.None);
        Assert.True(await dispatcher.Started.WaitAsync(SafetyNet));
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 2), CancellationToken.None);
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 3), CancellationToken.None);

        var fourth = queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 4), CancellationToken.None);

        Assert.False(fourth.IsCompleted);
        Assert.True(queue.IsWriterWaiting);
        dispatcher.Gate.SetResult();
        await fourth.AsTask().WaitAsync(SafetyNet);
        Assert.False(queue.IsWriterWaiting);
        await queue.CompleteAsync().WaitAsync(SafetyNet);
        Assert.Equal([1, 2, 3, 4], dispatcher.Delivered.Select(d => d.Sequence));
    }

    [Fact]
    public async Task A_writer_waiting_for_room_can_be_cancelled()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE") { Gate = new TaskCompletionSource() };
        await using var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions { Capacity = 1 }, 0, NullLogger.Instance);
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 1), CancellationToken.None);
        Assert.True(await dispatcher.Started.WaitAsync(SafetyNet));
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 2), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var third = queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 3), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third.AsTask().WaitAsync(SafetyNet));
        Assert.False(queue.IsWriterWaiting);
    }

    [Fact]
    public async Task A_full_queue_in_drop_oldest_mode_never_waits_and_drops_the_oldest_queued_event()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE") { Gate = new TaskCompletionSource() };
        var options = new DispatchQueueOptions { Capacity = 2, FullMode = DispatchQueueFullMode.DropOldest };
        await using var queue = new DispatchQueue(dispatcher, options, 0, NullLogger.Instance);
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 1), CancellationToken.None);
        Assert.True(await dispatcher.Started.WaitAsync(SafetyNet));

        for (var sequence = 2; sequence <= 6; sequence++)
        {
            Assert.True(queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", sequence), CancellationToken.None).IsCompletedSuccessfully);
        }

        dispatcher.Gate.SetResult();
        await queue.CompleteAsync().WaitAsync(SafetyNet);
        Assert.Equal([1, 5, 6], dispatcher.Delivered.Select(d => d.Sequence));
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_delivery_goes_on()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE");
        dispatcher.Failing.Add(2);
        var logger = new ListLogger();
        await using var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions(), 0, logger);

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", sequence), CancellationToken.None);
        }

        await queue.CompleteAsync().WaitAsync(SafetyNet);
        Assert.Equal([1, 2, 3], dispatcher.Delivered.Select(d => d.Sequence));
        var error = Assert.Single(logger.Entries);
        Assert.Contains("MESSAGE_CREATE", error.Message);
        Assert.Contains("sequence 2", error.Message);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task Disposing_cancels_the_running_handler_and_drops_what_is_left()
    {
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE") { Gate = new TaskCompletionSource() };
        var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions(), 0, NullLogger.Instance);
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 1), CancellationToken.None);
        await queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 2), CancellationToken.None);
        Assert.True(await dispatcher.Started.WaitAsync(SafetyNet));

        await queue.DisposeAsync().AsTask().WaitAsync(SafetyNet);

        Assert.Empty(dispatcher.Delivered);
        Assert.Null(queue.LastDispatchedSequence);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(
            () => queue.EnqueueAsync(Queued("MESSAGE_CREATE", "{}", 3), CancellationToken.None).AsTask());
    }

    /// <summary>A queued dispatch whose payload is in a rented buffer, the way the receive loop hands it over.</summary>
    private static QueuedDispatch Queued(string eventName, string data, long sequence)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"t":"{{eventName}}","s":{{sequence}},"op":0,"d":{{data}}}""");
        var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
        json.CopyTo(buffer, 0);
        return new QueuedDispatch(new PooledPayload(buffer, json.Length), GatewayEnvelope.Read(json), "session");
    }
}

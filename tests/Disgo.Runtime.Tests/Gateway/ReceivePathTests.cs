using System.Text;
using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Transport;
using Disgo.Runtime.Tests.Gateway.Compression;
using Disgo.Runtime.Tests.Gateway.Dispatch;
using Disgo.Runtime.Tests.Gateway.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Runtime.Tests.Gateway;

/// <summary>The receive path put together the way a session does: socket, decompression, envelope, admission, queue.</summary>
public sealed class ReceivePathTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Only_handled_events_are_queued_and_replayed_ones_are_dropped()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        var dispatcher = new RecordingDispatcher("MESSAGE_CREATE");
        await using var queue = new DispatchQueue(dispatcher, new DispatchQueueOptions(), 0, NullLogger.Instance);
        var tracker = new SequenceTracker();
        string[] frames =
        [
            """{"t":null,"s":null,"op":11,"d":null}""",
            """{"t":"MESSAGE_CREATE","s":1,"op":0,"d":{"content":"one"}}""",
            """{"t":"TYPING_START","s":2,"op":0,"d":{"channel_id":"5"}}""",
            """{"t":"MESSAGE_CREATE","s":3,"op":0,"d":{"content":"three"}}""",
            """{"t":"MESSAGE_CREATE","s":3,"op":0,"d":{"content":"three again"}}""",
            """{"op":0,"d":{"content":"four"},"s":4,"t":"MESSAGE_CREATE"}""",
        ];
        foreach (var frame in frames)
        {
            await pair.SendFramesAsync(compressor.Compress(Encoding.UTF8.GetBytes(frame)), frames: 2);
        }

        for (var i = 0; i < frames.Length; i++)
        {
            Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
            var envelope = GatewayEnvelope.Read(reader.Payload.Span);
            if (envelope.Opcode != 0 || !tracker.TryAdmit(envelope.Sequence!.Value, out _))
            {
                continue;
            }

            if (dispatcher.Handles(reader.Payload.Span[envelope.EventName]))
            {
                var queued = new QueuedDispatch(reader.DetachPayload(), envelope, "session");
                await queue.EnqueueAsync(queued, CancellationToken.None);
            }
        }

        await queue.CompleteAsync().WaitAsync(SafetyNet);
        Assert.Equal(
            [(1L, """{"content":"one"}"""), (3L, """{"content":"three"}"""), (4L, """{"content":"four"}""")],
            dispatcher.Delivered.Select(d => (d.Sequence, d.Data)));
        Assert.Equal(4, tracker.Last);
    }

    [Fact]
    public async Task A_truncated_compressed_payload_is_a_decode_exception_not_a_hang()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        var message = compressor.Compress(Payloads.Dispatch(1, "a message long enough to be cut in the middle of its deflate data"));
        byte[] truncated = [.. message[..(message.Length / 2)], 0x00, 0x00, 0xFF, 0xFF];

        await pair.SendFramesAsync(truncated, frames: 1);

        await Assert.ThrowsAsync<GatewayDecodeException>(async () =>
        {
            Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
            GatewayEnvelope.Read(reader.Payload.Span);
        });
    }

    [Fact]
    public void An_event_nobody_handles_allocates_nothing_from_frame_to_dispatcher()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var payload = new PooledBufferWriter();
        var dispatcher = new RecordingDispatcher("GUILD_CREATE", "INTERACTION_CREATE");
        var tracker = new SequenceTracker();
        var frames = Enumerable.Range(1, 300).Select(i => compressor.Compress(Payloads.Dispatch(i, $"unhandled {i}"))).ToArray();
        var handled = 0;

        void Receive(byte[] frame)
        {
            Assert.True(decompressor.TryDecompress(frame, payload));
            var envelope = GatewayEnvelope.Read(payload.WrittenSpan);
            if (tracker.TryAdmit(envelope.Sequence!.Value, out _) && dispatcher.Handles(payload.WrittenSpan[envelope.EventName]))
            {
                handled++;
            }

            payload.Release();
        }

        for (var i = 0; i < 100; i++)
        {
            Receive(frames[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 100; i < frames.Length; i++)
        {
            Receive(frames[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, handled);
        Assert.Equal(300, tracker.Last);
    }
}

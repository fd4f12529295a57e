using System.Net.WebSockets;
using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Transport;
using Disgo.Runtime.Tests.Gateway.Compression;

namespace Disgo.Runtime.Tests.Gateway.Transport;

public sealed class GatewayMessageReaderTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_message_sent_in_many_frames_is_read_as_one_payload()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        var payload = Payloads.Large(100_000);

        await pair.SendFramesAsync(compressor.Compress(payload), frames: 7);

        Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
        Assert.Equal(payload, reader.Payload.ToArray());
    }

    [Fact]
    public async Task A_payload_spread_over_several_messages_is_read_once_all_have_arrived()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        var payload = Payloads.Dispatch(1, "split across messages");
        var compressed = compressor.Compress(payload);
        var half = compressed.Length / 2;

        await pair.SendFramesAsync(compressed.AsMemory(0, half), frames: 1);
        await pair.SendFramesAsync(compressed.AsMemory(half), frames: 2);

        Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
        Assert.Equal(payload, reader.Payload.ToArray());
    }

    [Fact]
    public async Task Consecutive_payloads_share_the_connection_context()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var compressor = new ZstdStreamCompressor();
        using var decompressor = new ZstdStreamDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);

        for (var sequence = 1; sequence <= 10; sequence++)
        {
            var payload = Payloads.Dispatch(sequence, "same words every time");
            await pair.SendFramesAsync(compressor.Compress(payload), frames: 2);

            Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
            Assert.Equal(payload, reader.Payload.ToArray());
        }
    }

    [Fact]
    public async Task An_idle_connection_holds_no_buffer()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var decompressor = new UncompressedDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        await pair.SendFramesAsync(Payloads.Dispatch(1, "first"), frames: 1, WebSocketMessageType.Text);
        Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
        Assert.True(reader.HoldsBuffers);

        var next = reader.ReadAsync(CancellationToken.None);

        Assert.False(next.IsCompleted);
        Assert.False(reader.HoldsBuffers);
        await pair.SendFramesAsync(Payloads.Dispatch(2, "second"), frames: 3, WebSocketMessageType.Text);
        Assert.True(await next.AsTask().WaitAsync(SafetyNet));
        Assert.Equal(Payloads.Dispatch(2, "second"), reader.Payload.ToArray());
        reader.ReleasePayload();
        Assert.False(reader.HoldsBuffers);
    }

    [Fact]
    public async Task A_detached_payload_survives_the_next_read()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var decompressor = new UncompressedDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        await pair.SendFramesAsync(Payloads.Dispatch(1, "kept"), frames: 1, WebSocketMessageType.Text);
        await pair.SendFramesAsync(Payloads.Dispatch(2, "next"), frames: 1, WebSocketMessageType.Text);
        Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));

        var kept = reader.DetachPayload();
        Assert.True(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));

        Assert.Equal(Payloads.Dispatch(1, "kept"), kept.Memory.ToArray());
        Assert.Equal(Payloads.Dispatch(2, "next"), reader.Payload.ToArray());
        kept.Return();
    }

    [Fact]
    public async Task A_close_from_the_server_ends_reading_with_its_status()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var decompressor = new UncompressedDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);

        await pair.Server.CloseOutputAsync((WebSocketCloseStatus)4009, "Session timed out", CancellationToken.None);

        Assert.False(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
        Assert.Equal((WebSocketCloseStatus)4009, pair.Client.CloseStatus);
        Assert.False(reader.HoldsBuffers);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_throws_a_decode_exception_and_frees_its_buffers()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var decompressor = new UncompressedDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor, maxMessageLength: 10_000);

        await pair.SendFramesAsync(Payloads.Large(50_000), frames: 10, WebSocketMessageType.Text);

        await Assert.ThrowsAsync<GatewayDecodeException>(() => reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
        Assert.False(reader.HoldsBuffers);
    }

    [Fact]
    public async Task Corrupt_compressed_data_throws_a_decode_exception()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var decompressor = new ZlibStreamDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        var message = new ZlibStreamCompressor().Compress(Payloads.Dispatch(1, "x"));
        message[0] = 0x00;

        await pair.SendFramesAsync(message, frames: 1);

        await Assert.ThrowsAsync<GatewayDecodeException>(() => reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(SafetyNet));
        Assert.False(reader.HoldsBuffers);
    }

    [Fact]
    public async Task Waiting_for_a_message_can_be_cancelled()
    {
        using var pair = await WebSocketPair.CreateAsync();
        using var decompressor = new UncompressedDecompressor();
        using var reader = new GatewayMessageReader(pair.Client, decompressor);
        using var cancellation = new CancellationTokenSource();

        var read = reader.ReadAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.AsTask().WaitAsync(SafetyNet));
    }
}

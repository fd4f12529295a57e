using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Transport;

namespace Disgo.Runtime.Tests.Gateway.Compression;

public sealed class ZlibStreamDecompressorTests
{
    [Fact]
    public void Compressor_ends_every_payload_with_the_sync_flush_marker()
    {
        using var compressor = new ZlibStreamCompressor();

        var message = compressor.Compress(Payloads.Dispatch(1, "hello"));

        Assert.Equal([0x00, 0x00, 0xFF, 0xFF], message[^4..]);
    }

    [Fact]
    public void Consecutive_payloads_decode_through_one_context()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();

        for (var sequence = 1; sequence <= 50; sequence++)
        {
            var payload = Payloads.Dispatch(sequence, $"message number {sequence}");

            Assert.True(decompressor.TryDecompress(compressor.Compress(payload), output));

            Assert.Equal(payload, output.WrittenSpan.ToArray());
            output.Release();
        }
    }

    [Fact]
    public void A_later_payload_needs_the_context_built_by_the_earlier_ones()
    {
        using var compressor = new ZlibStreamCompressor();
        compressor.Compress(Payloads.Dispatch(1, "the same words again"));
        var second = compressor.Compress(Payloads.Dispatch(2, "the same words again"));
        using var fresh = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();

        Assert.Throws<GatewayDecodeException>(() => fresh.TryDecompress(second, output));
    }

    [Fact]
    public void Payload_larger_than_every_internal_buffer_decodes_whole()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();
        var payload = Payloads.Large(300_000);

        Assert.True(decompressor.TryDecompress(compressor.Compress(payload), output));

        Assert.Equal(payload, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Payload_split_over_several_messages_is_decoded_when_the_marker_arrives()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();
        var first = Payloads.Dispatch(1, "before");
        Assert.True(decompressor.TryDecompress(compressor.Compress(first), output));
        output.Release();
        var payload = Payloads.Large(50_000);
        var message = compressor.Compress(payload);
        var third = message.Length / 3;

        Assert.False(decompressor.TryDecompress(message.AsMemory(0, third), output));
        Assert.False(decompressor.TryDecompress(message.AsMemory(third, third), output));
        Assert.Equal(0, output.WrittenCount);
        Assert.True(decompressor.TryDecompress(message.AsMemory(2 * third), output));

        Assert.Equal(payload, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Corrupt_data_throws_a_decode_exception_and_the_context_stays_failed_until_reset()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();
        var message = compressor.Compress(Payloads.Dispatch(1, "hello"));
        message[0] = 0x00;

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(message, output));
        Assert.Contains("zlib-stream", exception.Message);
        var healthy = new ZlibStreamCompressor().Compress(Payloads.Dispatch(1, "hello"));
        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(healthy, output));

        decompressor.Reset();
        output.Release();
        Assert.True(decompressor.TryDecompress(healthy, output));
        Assert.Equal(Payloads.Dispatch(1, "hello"), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Random_bytes_ending_with_the_marker_throw_a_decode_exception()
    {
        using var decompressor = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();
        var garbage = new byte[300];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x78;
        garbage[1] = 0x9C;
        byte[] marker = [0x00, 0x00, 0xFF, 0xFF];
        marker.CopyTo(garbage.AsSpan(^4..));

        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(garbage, output));
    }

    [Fact]
    public void Payload_over_the_size_limit_throws_a_decode_exception()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor(maxPayloadLength: 10_000);
        using var output = new PooledBufferWriter();

        var exception = Assert.Throws<GatewayDecodeException>(
            () => decompressor.TryDecompress(compressor.Compress(Payloads.Large(50_000)), output));

        Assert.Contains("10000", exception.Message);
    }

    [Fact]
    public void Messages_without_a_marker_beyond_the_size_limit_throw_instead_of_piling_up()
    {
        using var decompressor = new ZlibStreamDecompressor(maxPayloadLength: 1_000);
        using var output = new PooledBufferWriter();
        var part = new byte[600];

        Assert.False(decompressor.TryDecompress(part, output));
        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(part, output));
    }

    [Fact]
    public void Steady_state_decoding_allocates_nothing()
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = new ZlibStreamDecompressor();
        using var output = new PooledBufferWriter();
        var messages = Enumerable.Range(1, 300).Select(i => compressor.Compress(Payloads.Dispatch(i, $"steady {i}"))).ToArray();
        for (var i = 0; i < 100; i++)
        {
            decompressor.TryDecompress(messages[i], output);
            output.Release();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 100; i < messages.Length; i++)
        {
            decompressor.TryDecompress(messages[i], output);
            output.Release();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Disposed_decompressor_refuses_input()
    {
        var decompressor = new ZlibStreamDecompressor();
        decompressor.Dispose();

        Assert.Throws<ObjectDisposedException>(() => decompressor.TryDecompress(new byte[] { 0, 0, 0xFF, 0xFF }, new PooledBufferWriter()));
    }
}

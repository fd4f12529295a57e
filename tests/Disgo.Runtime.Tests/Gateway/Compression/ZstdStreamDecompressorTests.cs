using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Transport;

namespace Disgo.Runtime.Tests.Gateway.Compression;

public sealed class ZstdStreamDecompressorTests
{
    [Fact]
    public void Consecutive_payloads_decode_through_one_context()
    {
        using var compressor = new ZstdStreamCompressor();
        using var decompressor = new ZstdStreamDecompressor();
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
    public void Payload_larger_than_the_output_chunk_decodes_whole()
    {
        using var compressor = new ZstdStreamCompressor();
        using var decompressor = new ZstdStreamDecompressor();
        using var output = new PooledBufferWriter();
        var payload = Payloads.Large(300_000);

        Assert.True(decompressor.TryDecompress(compressor.Compress(payload), output));

        Assert.Equal(payload, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Garbage_throws_a_decode_exception_and_the_context_stays_failed_until_reset()
    {
        using var decompressor = new ZstdStreamDecompressor();
        using var output = new PooledBufferWriter();

        var exception = Assert.Throws<GatewayDecodeException>(
            () => decompressor.TryDecompress(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, output));
        Assert.Contains("zstd-stream", exception.Message);
        using var compressor = new ZstdStreamCompressor();
        var healthy = compressor.Compress(Payloads.Dispatch(1, "hello"));
        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(healthy, output));

        decompressor.Reset();
        output.Release();
        Assert.True(decompressor.TryDecompress(healthy, output));
        Assert.Equal(Payloads.Dispatch(1, "hello"), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Corrupt_frame_header_throws_a_decode_exception()
    {
        using var compressor = new ZstdStreamCompressor();
        using var decompressor = new ZstdStreamDecompressor();
        using var output = new PooledBufferWriter();
        var message = compressor.Compress(Payloads.Dispatch(1, "hello"));
        message[0] ^= 0xFF;

        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(message, output));
    }

    [Fact]
    public void Payload_over_the_size_limit_throws_a_decode_exception()
    {
        using var compressor = new ZstdStreamCompressor();
        using var decompressor = new ZstdStreamDecompressor(maxPayloadLength: 10_000);
        using var output = new PooledBufferWriter();

        Assert.Throws<GatewayDecodeException>(
            () => decompressor.TryDecompress(compressor.Compress(Payloads.Large(50_000)), output));
    }
}

using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Transport;

namespace Disgo.Runtime.Tests.Gateway.Compression;

public sealed class GatewayDecompressorTests
{
    [Theory]
    [InlineData(GatewayCompression.ZlibStream, typeof(ZlibStreamDecompressor), "zlib-stream")]
    [InlineData(GatewayCompression.ZstdStream, typeof(ZstdStreamDecompressor), "zstd-stream")]
    [InlineData(GatewayCompression.None, typeof(UncompressedDecompressor), null)]
    public void Each_compression_has_its_decompressor_and_query_value(GatewayCompression compression, Type type, string? query)
    {
        using var decompressor = GatewayDecompressor.Create(compression);

        Assert.IsType(type, decompressor);
        Assert.Equal(compression, decompressor.Compression);
        Assert.Equal(query, compression.ToQueryValue());
    }

    [Fact]
    public void Zlib_stream_is_the_default()
    {
        Assert.Equal(GatewayCompression.ZlibStream, default(GatewayCompression));
    }

    [Fact]
    public void Uncompressed_messages_are_payloads_as_they_are()
    {
        using var decompressor = new UncompressedDecompressor();
        using var output = new PooledBufferWriter();
        var payload = Payloads.Dispatch(3, "plain");

        Assert.True(decompressor.TryDecompress(payload, output));

        Assert.Equal(payload, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Uncompressed_message_over_the_size_limit_throws_a_decode_exception()
    {
        using var decompressor = new UncompressedDecompressor(maxPayloadLength: 10);
        using var output = new PooledBufferWriter();

        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(new byte[11], output));
    }
}

using System.IO.Compression;
using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Transport;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>What only a native zlib (the runtime's zlib-ng, the machine's zlib) can tell, and what it costs.</summary>
public sealed class NativeZlibInflaterTests
{
    [Fact]
    public void Under_the_runtime_the_runtimes_own_zlib_ng_is_chosen()
    {
        Assert.Equal(ZlibInflaterKind.RuntimeZlibNg, ZlibStreamDecompressor.Inflater);
        using var decompressor = GatewayDecompressor.Create(GatewayCompression.ZlibStream);
        Assert.True(decompressor.TryDecompress(new ZlibStreamCompressor().Compress(Payloads.Dispatch(1, "default")), new PooledBufferWriter()));
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Native), MemberType = typeof(ZlibInflaters))]
    public void Corrupt_data_is_reported_with_zlibs_own_words(ZlibInflaterKind inflater)
    {
        using var decompressor = ZlibInflaters.Create(inflater);
        var message = new ZlibStreamCompressor().Compress(Payloads.Dispatch(1, "hello"));
        message[0] = 0x00;

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(message, new PooledBufferWriter()));

        Assert.Equal("The zlib-stream data is corrupt: incorrect header check", exception.Message);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Native), MemberType = typeof(ZlibInflaters))]
    public void Data_after_the_end_of_the_stream_is_refused_in_the_same_message(ZlibInflaterKind inflater)
    {
        var (first, afterEnd) = ZlibStreamDecompressorTests.EndedStream();
        using var decompressor = ZlibInflaters.Create(inflater);
        Assert.True(decompressor.TryDecompress(first, new PooledBufferWriter()));

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(afterEnd, new PooledBufferWriter()));

        Assert.Contains("after its end", exception.Message);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Native), MemberType = typeof(ZlibInflaters))]
    public void A_marker_inside_a_deflate_block_is_reported_as_truncated_data(ZlibInflaterKind inflater)
    {
        // Stored (uncompressed) blocks: a cut inside one leaves the marker's four bytes read as block content.
        using var compressor = new ZlibStreamCompressor(CompressionLevel.NoCompression);
        using var decompressor = ZlibInflaters.Create(inflater);
        var message = compressor.Compress(Payloads.Large(5_000));
        byte[] cut = [.. message.AsSpan(0, 1_000), 0x00, 0x00, 0xFF, 0xFF];

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(cut, new PooledBufferWriter()));

        Assert.Contains("truncated", exception.Message);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Native), MemberType = typeof(ZlibInflaters))]
    public void A_stream_that_asks_for_a_preset_dictionary_is_refused(ZlibInflaterKind inflater)
    {
        using var decompressor = ZlibInflaters.Create(inflater);
        // A zlib header with FDICT set, then the dictionary's id.
        byte[] message = [0x78, 0xBB, 0x01, 0x02, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFF];

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(message, new PooledBufferWriter()));

        Assert.Contains("preset dictionary", exception.Message);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Native), MemberType = typeof(ZlibInflaters))]
    public void A_decompressor_holds_well_under_a_kilobyte_of_managed_memory(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var output = new PooledBufferWriter();
        ZlibInflaters.Create(inflater).Dispose();
        var message = compressor.Compress(Payloads.Dispatch(1, "measured"));
        output.GetSpan(4096);
        output.Release();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var decompressor = ZlibInflaters.Create(inflater);
        Assert.True(decompressor.TryDecompress(message, output));
        output.Release();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The decompressor, its pending-message writer, the inflater and the native context's handle: no buffer.
        Assert.InRange(allocated, 1, 256);
    }
}

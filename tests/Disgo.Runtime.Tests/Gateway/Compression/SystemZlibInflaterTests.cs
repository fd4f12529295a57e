using System.IO.Compression;
using Disgo.Gateway;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Transport;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>What only the machine's zlib can tell, and what it costs. Linux and macOS have one.</summary>
public sealed class SystemZlibInflaterTests
{
    [Fact]
    public void Linux_and_macOS_inflate_with_the_system_zlib()
    {
        Assert.Equal(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), ZlibStreamDecompressor.UsesSystemZlib);
        using var decompressor = GatewayDecompressor.Create(GatewayCompression.ZlibStream);
        Assert.True(decompressor.TryDecompress(new ZlibStreamCompressor().Compress(Payloads.Dispatch(1, "default")), new PooledBufferWriter()));
    }

    [Fact]
    public void Corrupt_data_is_reported_with_zlibs_own_words()
    {
        using var decompressor = ZlibInflaters.Create(ZlibInflater.SystemZlib);
        var message = new ZlibStreamCompressor().Compress(Payloads.Dispatch(1, "hello"));
        message[0] = 0x00;

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(message, new PooledBufferWriter()));

        Assert.Equal("The zlib-stream data is corrupt: incorrect header check", exception.Message);
    }

    [Fact]
    public void Data_after_the_end_of_the_stream_is_refused_in_the_same_message()
    {
        var (first, afterEnd) = ZlibStreamDecompressorTests.EndedStream();
        using var decompressor = ZlibInflaters.Create(ZlibInflater.SystemZlib);
        Assert.True(decompressor.TryDecompress(first, new PooledBufferWriter()));

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(afterEnd, new PooledBufferWriter()));

        Assert.Contains("after its end", exception.Message);
    }

    [Fact]
    public void A_marker_inside_a_deflate_block_is_reported_as_truncated_data()
    {
        // Stored (uncompressed) blocks: a cut inside one leaves the marker's four bytes read as block content.
        using var compressor = new ZlibStreamCompressor(CompressionLevel.NoCompression);
        using var decompressor = ZlibInflaters.Create(ZlibInflater.SystemZlib);
        var message = compressor.Compress(Payloads.Large(5_000));
        byte[] cut = [.. message.AsSpan(0, 1_000), 0x00, 0x00, 0xFF, 0xFF];

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(cut, new PooledBufferWriter()));

        Assert.Contains("truncated", exception.Message);
    }

    [Fact]
    public void A_stream_that_asks_for_a_preset_dictionary_is_refused()
    {
        using var decompressor = ZlibInflaters.Create(ZlibInflater.SystemZlib);
        // A zlib header with FDICT set, then the dictionary's id.
        byte[] message = [0x78, 0xBB, 0x01, 0x02, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFF];

        var exception = Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(message, new PooledBufferWriter()));

        Assert.Contains("preset dictionary", exception.Message);
    }

    [Fact]
    public void A_decompressor_holds_well_under_a_kilobyte_of_managed_memory()
    {
        using var compressor = new ZlibStreamCompressor();
        using var output = new PooledBufferWriter();
        ZlibInflaters.Create(ZlibInflater.SystemZlib).Dispose();
        var message = compressor.Compress(Payloads.Dispatch(1, "measured"));
        output.GetSpan(4096);
        output.Release();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var decompressor = ZlibInflaters.Create(ZlibInflater.SystemZlib);
        Assert.True(decompressor.TryDecompress(message, output));
        output.Release();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The decompressor, its pending-message writer, the inflater and the native context's handle: no buffer.
        Assert.InRange(allocated, 1, 256);
    }
}

using System.Text;
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

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Consecutive_payloads_decode_through_one_context(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();

        for (var sequence = 1; sequence <= 50; sequence++)
        {
            var payload = Payloads.Dispatch(sequence, $"message number {sequence}");

            Assert.True(decompressor.TryDecompress(compressor.Compress(payload), output));

            Assert.Equal(payload, output.WrittenSpan.ToArray());
            output.Release();
        }
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void A_later_payload_needs_the_context_built_by_the_earlier_ones(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        compressor.Compress(Payloads.Dispatch(1, "the same words again"));
        var second = compressor.Compress(Payloads.Dispatch(2, "the same words again"));
        using var fresh = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();

        Assert.Throws<GatewayDecodeException>(() => fresh.TryDecompress(second, output));
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Payloads_that_copy_from_earlier_payloads_decode_through_the_shared_window(ZlibInflaterKind inflater)
    {
        // 24 distinct ~900 B documents, each sent again every 24 payloads: about 21 KiB back, inside the 32 KiB window.
        var documents = Enumerable.Range(0, 24).Select(RandomDocument).ToArray();
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        var repeatedLength = 0;

        for (var i = 0; i < 240; i++)
        {
            var payload = documents[i % documents.Length];
            var message = compressor.Compress(payload);
            if (i >= documents.Length)
            {
                repeatedLength += message.Length;
            }

            Assert.True(decompressor.TryDecompress(message, output));
            Assert.Equal(payload, output.WrittenSpan.ToArray());
            output.Release();
        }

        // A repeat is a few back-references: it can only decode from the window the earlier payloads left behind.
        var standaloneLength = documents.Sum(document => new ZlibStreamCompressor().Compress(document).Length);
        Assert.True(repeatedLength / 9 < standaloneLength / 10, $"{repeatedLength / 9} B per round vs {standaloneLength} B standalone");
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Payload_larger_than_every_internal_buffer_decodes_whole(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        var payload = Payloads.Large(300_000);

        Assert.True(decompressor.TryDecompress(compressor.Compress(payload), output));

        Assert.Equal(payload, output.WrittenSpan.ToArray());
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Payload_split_over_several_messages_is_decoded_when_the_marker_arrives(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
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

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Corrupt_data_throws_a_decode_exception_and_the_context_stays_failed_until_reset(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
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

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Random_bytes_ending_with_the_marker_throw_a_decode_exception(ZlibInflaterKind inflater)
    {
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        var garbage = new byte[300];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x78;
        garbage[1] = 0x9C;
        byte[] marker = [0x00, 0x00, 0xFF, 0xFF];
        marker.CopyTo(garbage.AsSpan(^4..));

        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(garbage, output));
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Truncated_payload_waits_for_its_marker_and_reset_drops_it(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        var message = compressor.Compress(Payloads.Large(20_000));

        Assert.False(decompressor.TryDecompress(message.AsMemory(0, message.Length / 2), output));
        Assert.Equal(0, output.WrittenCount);

        // The connection dropped mid-payload: the next connection starts a new stream.
        decompressor.Reset();
        var payload = Payloads.Dispatch(1, "after the drop");
        Assert.True(decompressor.TryDecompress(new ZlibStreamCompressor().Compress(payload), output));
        Assert.Equal(payload, output.WrittenSpan.ToArray());
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Data_after_the_end_of_the_stream_is_refused_by_the_next_message_at_the_latest(ZlibInflaterKind inflater)
    {
        var (first, afterEnd) = EndedStream();
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        Assert.True(decompressor.TryDecompress(first, output));
        output.Release();

        // ZLibStream reads ahead into a buffer of its own, so it can only notice at the next message; zlib at once.
        var exception = Assert.Throws<GatewayDecodeException>(() =>
        {
            decompressor.TryDecompress(afterEnd, output);
            decompressor.TryDecompress(afterEnd, output);
        });

        Assert.Contains("after its end", exception.Message);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Payload_over_the_size_limit_throws_a_decode_exception(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater, maxPayloadLength: 10_000);
        using var output = new PooledBufferWriter();

        var exception = Assert.Throws<GatewayDecodeException>(
            () => decompressor.TryDecompress(compressor.Compress(Payloads.Large(50_000)), output));

        Assert.Contains("10000", exception.Message);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Messages_without_a_marker_beyond_the_size_limit_throw_instead_of_piling_up(ZlibInflaterKind inflater)
    {
        using var decompressor = ZlibInflaters.Create(inflater, maxPayloadLength: 1_000);
        using var output = new PooledBufferWriter();
        var part = new byte[600];

        Assert.False(decompressor.TryDecompress(part, output));
        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(part, output));
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Reset_starts_a_new_stream_and_forgets_the_old_one(ZlibInflaterKind inflater)
    {
        using var oldStream = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            Assert.True(decompressor.TryDecompress(oldStream.Compress(Payloads.Dispatch(sequence, "old connection")), output));
            output.Release();
        }

        decompressor.Reset();

        using var newStream = new ZlibStreamCompressor();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            var payload = Payloads.Dispatch(sequence, "new connection");
            Assert.True(decompressor.TryDecompress(newStream.Compress(payload), output));
            Assert.Equal(payload, output.WrittenSpan.ToArray());
            output.Release();
        }

        // The old stream's next payload has no zlib header and refers to a window that is gone.
        decompressor.Reset();
        Assert.Throws<GatewayDecodeException>(() => decompressor.TryDecompress(oldStream.Compress(Payloads.Dispatch(6, "old connection")), output));
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Steady_state_decoding_allocates_nothing(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        using var decompressor = ZlibInflaters.Create(inflater);
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

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Disposed_decompressor_refuses_input(ZlibInflaterKind inflater)
    {
        var decompressor = ZlibInflaters.Create(inflater);
        decompressor.Dispose();

        Assert.Throws<ObjectDisposedException>(() => decompressor.TryDecompress(new byte[] { 0, 0, 0xFF, 0xFF }, new PooledBufferWriter()));
        Assert.Throws<ObjectDisposedException>(decompressor.Reset);
    }

    [Theory]
    [MemberData(nameof(ZlibInflaters.Available), MemberType = typeof(ZlibInflaters))]
    public void Disposing_twice_releases_the_context_once(ZlibInflaterKind inflater)
    {
        using var compressor = new ZlibStreamCompressor();
        var decompressor = ZlibInflaters.Create(inflater);
        using var output = new PooledBufferWriter();
        Assert.True(decompressor.TryDecompress(compressor.Compress(Payloads.Dispatch(1, "used once")), output));

        decompressor.Dispose();
        decompressor.Dispose();
    }

    /// <summary>A payload, then a message that ends the zlib stream and goes on with more data.</summary>
    internal static (byte[] First, byte[] AfterEnd) EndedStream()
    {
        using var compressor = new ZlibStreamCompressor();
        var first = compressor.Compress(Payloads.Dispatch(1, "last words"));
        return (first, [.. compressor.Finish(), 0x01, 0x02, 0x00, 0x00, 0xFF, 0xFF]);
    }

    private static byte[] RandomDocument(int seed)
    {
        var random = new Random(seed);
        var words = new StringBuilder($$"""{"t":"MESSAGE_CREATE","op":0,"d":{"id":"{{seed}}","content":""");
        while (words.Length < 900)
        {
            words.Append((char)('a' + random.Next(26)));
            if (random.Next(6) == 0)
            {
                words.Append(' ');
            }
        }

        return Encoding.UTF8.GetBytes(words.Append("\"}}").ToString());
    }
}

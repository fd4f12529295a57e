using System.IO.Compression;
using System.Text;
using ZstdSharp;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// The raw client's own decoders, checked against streams built the way Discord describes them, so that a failing
/// compression test points at the emulator and not at the test client.
/// </summary>
public sealed class RawGatewayClientDecodingTests
{
    private static readonly string[] Payloads =
    [
        """{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250}}""",
        """{"t":"READY","s":1,"op":0,"d":{"v":10}}""",
        """{"t":null,"s":null,"op":11,"d":null}""",
    ];

    [Fact]
    public void Zlib_stream_decoder_inflates_sync_flushed_messages_through_one_context()
    {
        var sink = new MemoryStream();
        using var deflater = new ZLibStream(sink, CompressionLevel.Optimal, leaveOpen: true);
        using var decoder = TransportDecoder.For(GatewayCompression.ZlibStream);

        foreach (var payload in Payloads)
        {
            deflater.Write(Encoding.UTF8.GetBytes(payload));
            deflater.Flush();
            var message = sink.ToArray();
            sink.SetLength(0);

            Assert.True(message.AsSpan().EndsWith((byte[])[0x00, 0x00, 0xFF, 0xFF]));
            Assert.Equal(payload, Encoding.UTF8.GetString(decoder.Decode(message)!));
        }
    }

    [Fact]
    public void Zlib_stream_decoder_waits_for_the_sync_flush_marker_across_messages()
    {
        var sink = new MemoryStream();
        using var deflater = new ZLibStream(sink, CompressionLevel.Optimal, leaveOpen: true);
        using var decoder = TransportDecoder.For(GatewayCompression.ZlibStream);
        deflater.Write(Encoding.UTF8.GetBytes(Payloads[1]));
        deflater.Flush();
        var message = sink.ToArray();

        Assert.Null(decoder.Decode(message.AsSpan(0, message.Length - 3)));
        Assert.Equal(Payloads[1], Encoding.UTF8.GetString(decoder.Decode(message.AsSpan(message.Length - 3))!));
    }

    [Fact]
    public void Zstd_stream_decoder_decompresses_flushed_messages_of_one_open_frame()
    {
        var sink = new MemoryStream();
        using var compressor = new CompressionStream(sink, level: 3, leaveOpen: true);
        using var decoder = TransportDecoder.For(GatewayCompression.ZstdStream);

        foreach (var payload in Payloads)
        {
            compressor.Write(Encoding.UTF8.GetBytes(payload));
            compressor.Flush();
            var message = sink.ToArray();
            sink.SetLength(0);

            Assert.Equal(payload, Encoding.UTF8.GetString(decoder.Decode(message)!));
        }
    }

    [Fact]
    public void Payload_parsing_accepts_envelopes_and_rejects_everything_else()
    {
        Assert.True(GatewayPayload.TryParse("""{"op":0,"d":{},"s":7,"t":"X"}"""u8, out var dispatch));
        Assert.Equal((0, 7, "X"), (dispatch!.Op, dispatch.S, dispatch.T));
        Assert.False(GatewayPayload.TryParse("not json"u8, out _));
        Assert.False(GatewayPayload.TryParse("[1,2]"u8, out _));
        Assert.False(GatewayPayload.TryParse("""{"d":null}"""u8, out _));
    }
}

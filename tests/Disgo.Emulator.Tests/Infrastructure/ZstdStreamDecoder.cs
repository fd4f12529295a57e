using ZstdSharp;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// zstd-stream as Discord documents it: one decompression context for the connection's lifetime; each message holds
/// exactly one payload and does not end the zstd frame, so decompression runs until the message's input is consumed.
/// </summary>
internal sealed class ZstdStreamDecoder : TransportDecoder
{
    private readonly FeedStream _input = new();
    private readonly DecompressionStream _decompressor;

    // The frame never ends while the connection lives, so running out of input is normal, not a truncation.
    public ZstdStreamDecoder() => _decompressor = new DecompressionStream(_input, checkEndOfStream: false);

    public override byte[] Decode(ReadOnlySpan<byte> message)
    {
        _input.Push(message.ToArray());
        var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = _decompressor.Read(buffer)) > 0)
            output.Write(buffer, 0, read);
        return output.ToArray();
    }

    public override void Dispose() => _decompressor.Dispose();
}

using System.IO.Compression;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// zlib-stream as Discord documents it: one inflate context for the whole connection; received bytes are buffered
/// until a message ends with the Z_SYNC_FLUSH marker <c>00 00 FF FF</c>, then inflated as one payload.
/// </summary>
internal sealed class ZlibStreamDecoder : TransportDecoder
{
    private static ReadOnlySpan<byte> SyncFlushMarker => [0x00, 0x00, 0xFF, 0xFF];

    private readonly MemoryStream _pending = new();
    private readonly FeedStream _input = new();
    private readonly ZLibStream _inflater;

    public ZlibStreamDecoder() => _inflater = new ZLibStream(_input, CompressionMode.Decompress);

    public override byte[]? Decode(ReadOnlySpan<byte> message)
    {
        _pending.Write(message);
        if (!_pending.GetBuffer().AsSpan(0, (int)_pending.Length).EndsWith(SyncFlushMarker))
            return null;

        _input.Push(_pending.ToArray());
        _pending.SetLength(0);
        var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = _inflater.Read(buffer)) > 0)
            output.Write(buffer, 0, read);
        return output.ToArray();
    }

    public override void Dispose() => _inflater.Dispose();
}

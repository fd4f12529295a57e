using System.IO.Compression;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// <c>compress=zlib-stream</c>: one deflate context per connection. Each payload is followed by a sync flush, so it
/// ends in <c>00 00 FF FF</c>; only the first one carries the two-byte zlib header.
/// </summary>
internal sealed class ZlibStreamEncoder : PayloadEncoder
{
    private readonly MemoryStream _output = new();
    private readonly ZLibStream _zlib;

    public ZlibStreamEncoder() => _zlib = new ZLibStream(_output, CompressionLevel.Fastest, leaveOpen: true);

    public override ReadOnlyMemory<byte> Encode(ReadOnlySpan<byte> payload)
    {
        _output.SetLength(0);
        _zlib.Write(payload);
        // Flush on a deflate stream is Z_SYNC_FLUSH: output everything so far and end on the 00 00 FF FF marker.
        _zlib.Flush();
        return _output.GetBuffer().AsMemory(0, (int)_output.Length);
    }

    public override void Dispose()
    {
        _zlib.Dispose();
        _output.Dispose();
    }
}

using System.IO.Compression;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>The server side of zlib-stream: one deflate context per connection, every payload ended by a sync flush.</summary>
internal sealed class ZlibStreamCompressor : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly ZLibStream _deflate;

    public ZlibStreamCompressor(CompressionLevel level = CompressionLevel.Optimal) =>
        _deflate = new ZLibStream(_output, level, leaveOpen: true);

    /// <summary>The compressed bytes of one payload: what the server puts in one WebSocket message.</summary>
    public byte[] Compress(ReadOnlySpan<byte> payload)
    {
        _deflate.Write(payload);
        _deflate.Flush();
        var message = _output.ToArray();
        _output.SetLength(0);
        return message;
    }

    /// <summary>Ends the zlib stream (final block and checksum) and returns those last bytes.</summary>
    public byte[] Finish()
    {
        _deflate.Dispose();
        return _output.ToArray();
    }

    public void Dispose()
    {
        _deflate.Dispose();
        _output.Dispose();
    }
}

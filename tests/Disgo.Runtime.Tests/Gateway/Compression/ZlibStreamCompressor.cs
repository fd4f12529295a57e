using System.IO.Compression;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>The server side of zlib-stream: one deflate context per connection, every payload ended by a sync flush.</summary>
internal sealed class ZlibStreamCompressor : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly ZLibStream _deflate;

    public ZlibStreamCompressor() => _deflate = new ZLibStream(_output, CompressionLevel.Optimal, leaveOpen: true);

    /// <summary>The compressed bytes of one payload: what the server puts in one WebSocket message.</summary>
    public byte[] Compress(ReadOnlySpan<byte> payload)
    {
        _deflate.Write(payload);
        _deflate.Flush();
        var message = _output.ToArray();
        _output.SetLength(0);
        return message;
    }

    public void Dispose()
    {
        _deflate.Dispose();
        _output.Dispose();
    }
}

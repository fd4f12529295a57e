using ZstdSharp;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>The server side of zstd-stream: one context per connection, every payload flushed without ending the frame.</summary>
internal sealed class ZstdStreamCompressor : IDisposable
{
    private readonly Compressor _context = new(level: 3);

    public byte[] Compress(ReadOnlySpan<byte> payload)
    {
        var output = new byte[Compressor.GetCompressBound(payload.Length) + 64];
        _context.WrapStream(payload, output, out var consumed, out var written, isFinalBlock: false);
        Assert.Equal(payload.Length, consumed);
        _context.FlushStream(output.AsSpan(written), out var flushed);
        return output[..(written + flushed)];
    }

    public void Dispose() => _context.Dispose();
}

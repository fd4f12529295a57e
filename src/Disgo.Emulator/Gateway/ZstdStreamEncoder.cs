using System.Buffers;
using ZstdSharp;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// <c>compress=zstd-stream</c>: one zstd compression context per connection. Each payload is flushed, never ended,
/// so the whole connection is one zstd frame that the client decodes message by message.
/// </summary>
internal sealed class ZstdStreamEncoder : PayloadEncoder
{
    private readonly Compressor _compressor = new(Compressor.DefaultCompressionLevel);
    private byte[] _output = new byte[16 * 1024];

    public override ReadOnlyMemory<byte> Encode(ReadOnlySpan<byte> payload)
    {
        var written = 0;
        while (true)
        {
            var status = _compressor.WrapStream(payload, _output.AsSpan(written), out var consumed, out var produced, isFinalBlock: false);
            payload = payload[consumed..];
            written += produced;
            if (status != OperationStatus.DestinationTooSmall && payload.IsEmpty)
                break;
            Grow(written);
        }

        while (true)
        {
            var status = _compressor.FlushStream(_output.AsSpan(written), out var flushed);
            written += flushed;
            if (status != OperationStatus.DestinationTooSmall)
                break;
            Grow(written);
        }

        return _output.AsMemory(0, written);
    }

    public override void Dispose() => _compressor.Dispose();

    private void Grow(int written)
    {
        var bigger = new byte[_output.Length * 2];
        _output.AsSpan(0, written).CopyTo(bigger);
        _output = bigger;
    }
}

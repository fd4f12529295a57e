using System.Buffers;

namespace Disgo.Gateway.Compression;

/// <summary>No transport compression: every WebSocket message is one payload, copied as it is.</summary>
public sealed class UncompressedDecompressor : IGatewayDecompressor
{
    private readonly int _maxPayloadLength;

    public UncompressedDecompressor(int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayloadLength);
        _maxPayloadLength = maxPayloadLength;
    }

    public GatewayCompression Compression => GatewayCompression.None;

    public bool TryDecompress(ReadOnlyMemory<byte> message, IBufferWriter<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (message.Length > _maxPayloadLength)
        {
            throw new GatewayDecodeException($"A payload of {message.Length} bytes is over the limit of {_maxPayloadLength}.");
        }

        payload.Write(message.Span);
        return true;
    }

    public void Reset()
    {
    }

    public void Dispose()
    {
    }
}

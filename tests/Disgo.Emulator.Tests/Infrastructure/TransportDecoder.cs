namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>Turns the WebSocket messages of one connection into payload bytes, per the connection's <c>compress</c> mode.</summary>
internal abstract class TransportDecoder : IDisposable
{
    public static TransportDecoder For(GatewayCompression compression) => compression switch
    {
        GatewayCompression.ZlibStream => new ZlibStreamDecoder(),
        GatewayCompression.ZstdStream => new ZstdStreamDecoder(),
        _ => new PlainDecoder(),
    };

    /// <summary>Feeds one whole WebSocket message; returns the payload it completes, or null if more messages are needed.</summary>
    public abstract byte[]? Decode(ReadOnlySpan<byte> message);

    public virtual void Dispose()
    {
    }

    private sealed class PlainDecoder : TransportDecoder
    {
        public override byte[] Decode(ReadOnlySpan<byte> message) => message.ToArray();
    }
}

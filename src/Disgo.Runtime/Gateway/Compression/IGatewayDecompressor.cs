using System.Buffers;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Turns the WebSocket messages of one gateway connection into payloads. An instance holds the connection's
/// decompression context, so it must see every message of that connection in order and no other connection's.
/// </summary>
public interface IGatewayDecompressor : IDisposable
{
    /// <summary>The transport compression this decompressor decodes.</summary>
    GatewayCompression Compression { get; }

    /// <summary>
    /// Feeds one whole WebSocket message. Returns <see langword="true"/> when <paramref name="payload"/> now holds one
    /// whole payload, <see langword="false"/> when the message was only the first part of one (the decompressor keeps
    /// it until the rest arrives). Nothing is written when it returns <see langword="false"/>.
    /// </summary>
    /// <exception cref="GatewayDecodeException">
    /// The data is corrupt, or the payload is over the size limit. The context is then unusable until <see cref="Reset"/>.
    /// </exception>
    bool TryDecompress(ReadOnlyMemory<byte> message, IBufferWriter<byte> payload);

    /// <summary>Drops all state and starts a fresh context, for a new connection.</summary>
    void Reset();
}

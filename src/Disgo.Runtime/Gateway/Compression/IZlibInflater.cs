using System.Buffers;

namespace Disgo.Gateway.Compression;

/// <summary>
/// The inflate context of one zlib-stream connection. It sees the connection's payloads in order, each one whole
/// (ending with the sync-flush marker), and keeps the 32 KiB window between them.
/// </summary>
internal interface IZlibInflater : IDisposable
{
    /// <summary>Inflates all of <paramref name="compressed"/>, one whole payload, into <paramref name="payload"/>.</summary>
    /// <exception cref="GatewayDecodeException">
    /// The data is corrupt or truncated, follows the end of the stream, or inflates to more than <paramref name="maxPayloadLength"/> bytes.
    /// </exception>
    void Inflate(ReadOnlyMemory<byte> compressed, IBufferWriter<byte> payload, int maxPayloadLength);

    /// <summary>Starts a fresh stream, for a new connection.</summary>
    void Reset();
}

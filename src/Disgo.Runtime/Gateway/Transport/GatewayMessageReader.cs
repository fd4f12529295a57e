using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Disgo.Gateway.Compression;

namespace Disgo.Gateway.Transport;

/// <summary>
/// Reads whole payloads from one gateway connection: joins a message's WebSocket frames in a pooled buffer and
/// decodes it with the connection's <see cref="IGatewayDecompressor"/>. While the connection is idle it waits with a
/// zero-byte read and holds no buffer at all; buffers are rented when data arrives and returned once the payload is
/// done with. Neither the socket nor the decompressor is owned (or disposed) by the reader.
/// </summary>
internal sealed class GatewayMessageReader : IDisposable
{
    private const int ReceiveChunkLength = 4096;

    private readonly WebSocket _socket;
    private readonly IGatewayDecompressor _decompressor;
    private readonly int _maxMessageLength;
    private readonly PooledBufferWriter _message = new();
    private readonly PooledBufferWriter _payload = new();

    public GatewayMessageReader(
        WebSocket socket,
        IGatewayDecompressor decompressor,
        int maxMessageLength = GatewayDecompressor.DefaultMaxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(decompressor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageLength);
        _socket = socket;
        _decompressor = decompressor;
        _maxMessageLength = maxMessageLength;
    }

    /// <summary>
    /// The payload the last successful <see cref="ReadAsync"/> produced. Valid until the next <see cref="ReadAsync"/>,
    /// <see cref="ReleasePayload"/> or <see cref="DetachPayload"/>.
    /// </summary>
    public ReadOnlyMemory<byte> Payload => _payload.WrittenMemory;

    /// <summary>Whether the reader holds any buffer (it holds none while waiting for data).</summary>
    public bool HoldsBuffers => _message.HoldsBuffer || _payload.HoldsBuffer;

    /// <summary>
    /// Waits for the next whole payload. Returns <see langword="false"/> when the server closed the connection
    /// (see <see cref="WebSocket.CloseStatus"/>). The previous payload, unless detached, is released first.
    /// </summary>
    /// <exception cref="GatewayDecodeException">A message is over the size limit or cannot be decompressed.</exception>
    /// <exception cref="WebSocketException">The connection failed.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        _payload.Release();
        while (true)
        {
            // Idle: wait for the next frame's header without a buffer, so a quiet connection costs no receive memory.
            var result = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            try
            {
                while (result.MessageType != WebSocketMessageType.Close && !result.EndOfMessage)
                {
                    result = await _socket.ReceiveAsync(_message.GetMemory(ReceiveChunkLength), cancellationToken)
                        .ConfigureAwait(false);
                    _message.Advance(result.Count);
                    if (_message.WrittenCount > _maxMessageLength)
                    {
                        throw new GatewayDecodeException($"A WebSocket message is longer than the limit of {_maxMessageLength} bytes.");
                    }
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return false;
                }

                if (_decompressor.TryDecompress(_message.WrittenMemory, _payload))
                {
                    return true;
                }
            }
            catch
            {
                _payload.Release();
                throw;
            }
            finally
            {
                _message.Release();
            }
        }
    }

    /// <summary>Returns the current payload's buffer to the pool (done before every read anyway).</summary>
    public void ReleasePayload() => _payload.Release();

    /// <summary>Hands the current payload's buffer to the caller, who must return it; the reader forgets it.</summary>
    public PooledPayload DetachPayload() => _payload.Detach();

    public void Dispose()
    {
        _message.Release();
        _payload.Release();
    }
}

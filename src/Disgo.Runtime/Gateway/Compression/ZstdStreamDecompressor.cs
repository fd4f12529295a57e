using System.Buffers;
using ZstdSharp;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Decodes <c>compress=zstd-stream</c>: one zstd decompression context for the connection's lifetime. Every message
/// holds one payload, and the server flushes without ending the zstd frame, so the context is driven until it has
/// consumed the whole message and has no more output to give.
/// </summary>
public sealed class ZstdStreamDecompressor : IGatewayDecompressor
{
    private const int OutputChunkLength = 4096;

    private readonly int _maxPayloadLength;
    private readonly Decompressor _context = new();
    private bool _faulted;
    private bool _disposed;

    public ZstdStreamDecompressor(int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayloadLength);
        _maxPayloadLength = maxPayloadLength;
    }

    public GatewayCompression Compression => GatewayCompression.ZstdStream;

    public bool TryDecompress(ReadOnlyMemory<byte> message, IBufferWriter<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_faulted)
        {
            throw new GatewayDecodeException(
                "This zstd-stream context failed on an earlier payload; its connection must be replaced.");
        }

        try
        {
            Decompress(message.Span, payload);
            return true;
        }
        catch (ZstdException exception)
        {
            _faulted = true;
            throw new GatewayDecodeException($"The zstd-stream data is corrupt: {exception.Message}", exception);
        }
        catch (GatewayDecodeException)
        {
            _faulted = true;
            throw;
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _context.ResetStream();
        _faulted = false;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _context.Dispose();
        }
    }

    private void Decompress(ReadOnlySpan<byte> input, IBufferWriter<byte> payload)
    {
        long decompressed = 0;
        while (true)
        {
            var output = payload.GetSpan(OutputChunkLength);
            var status = _context.UnwrapStream(input, output, out var consumed, out var written);
            if (status == OperationStatus.InvalidData)
            {
                throw new GatewayDecodeException("The zstd-stream data is corrupt.");
            }

            payload.Advance(written);
            input = input[consumed..];
            decompressed += written;
            if (decompressed > _maxPayloadLength)
            {
                throw new GatewayDecodeException($"A zstd-stream payload decompresses to more than {_maxPayloadLength} bytes.");
            }

            // A call that leaves room in the output has flushed all it can; with the input used up, the payload is whole.
            if (input.IsEmpty && written < output.Length)
            {
                return;
            }

            if (consumed == 0 && written == 0)
            {
                throw new GatewayDecodeException("The zstd-stream context stopped making progress on a message.");
            }
        }
    }
}

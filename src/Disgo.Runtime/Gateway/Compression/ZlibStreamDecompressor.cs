using System.Buffers;
using System.IO.Compression;
using Disgo.Gateway.Transport;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Decodes <c>compress=zlib-stream</c>: one inflate context for the connection's lifetime, fed every message in order.
/// A payload is complete when a message ends with the sync-flush marker <c>00 00 FF FF</c>; messages before it are
/// kept (in a pooled buffer) until it arrives. In steady state nothing is allocated per payload.
/// </summary>
public sealed class ZlibStreamDecompressor : IGatewayDecompressor
{
    private const int OutputChunkLength = 4096;

    private readonly int _maxPayloadLength;
    private readonly InflateInput _input = new();
    private readonly PooledBufferWriter _pending = new();
    private ZLibStream _inflater;
    private bool _faulted;
    private bool _disposed;

    public ZlibStreamDecompressor(int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayloadLength);
        _maxPayloadLength = maxPayloadLength;
        _inflater = CreateInflater();
    }

    public GatewayCompression Compression => GatewayCompression.ZlibStream;

    private static ReadOnlySpan<byte> SyncFlushMarker => [0x00, 0x00, 0xFF, 0xFF];

    public bool TryDecompress(ReadOnlyMemory<byte> message, IBufferWriter<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_faulted)
        {
            throw new GatewayDecodeException(
                "This zlib-stream context failed on an earlier payload; its connection must be replaced.");
        }

        if (!message.Span.EndsWith(SyncFlushMarker))
        {
            // One payload may span several messages; only its last message ends with the marker.
            KeepPending(message.Span);
            return false;
        }

        var compressed = message;
        if (_pending.WrittenCount > 0)
        {
            KeepPending(message.Span);
            compressed = _pending.WrittenMemory;
        }

        try
        {
            Inflate(compressed, payload);
            return true;
        }
        // zlib reports bad data as InvalidDataException and its own failures as ZLibException, an IOException.
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            _faulted = true;
            throw new GatewayDecodeException($"The zlib-stream data is corrupt: {exception.Message}", exception);
        }
        catch (GatewayDecodeException)
        {
            _faulted = true;
            throw;
        }
        finally
        {
            _input.Clear();
            _pending.Release();
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _inflater.Dispose();
        _inflater = CreateInflater();
        _input.Clear();
        _pending.Release();
        _faulted = false;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _inflater.Dispose();
            _pending.Release();
        }
    }

    private ZLibStream CreateInflater() => new(_input, CompressionMode.Decompress, leaveOpen: true);

    private void KeepPending(ReadOnlySpan<byte> part)
    {
        if ((long)_pending.WrittenCount + part.Length > _maxPayloadLength)
        {
            _pending.Release();
            _faulted = true;
            throw new GatewayDecodeException(
                $"A zlib-stream payload spans more than {_maxPayloadLength} compressed bytes without a sync-flush marker.");
        }

        part.CopyTo(_pending.GetSpan(part.Length));
        _pending.Advance(part.Length);
    }

    private void Inflate(ReadOnlyMemory<byte> compressed, IBufferWriter<byte> payload)
    {
        _input.Set(compressed);
        long inflated = 0;
        while (true)
        {
            var output = payload.GetSpan(OutputChunkLength);
            var count = _inflater.Read(output);
            if (count == 0)
            {
                break;
            }

            payload.Advance(count);
            inflated += count;
            if (inflated > _maxPayloadLength)
            {
                throw new GatewayDecodeException($"A zlib-stream payload inflates to more than {_maxPayloadLength} bytes.");
            }

            // zlib stops short of a full output buffer only once it has used up its input: with all of the payload's
            // bytes handed over, the payload is complete, and asking again would only report the end of the input.
            if (count < output.Length && _input.IsDrained)
            {
                break;
            }
        }

        if (!_input.IsDrained)
        {
            throw new GatewayDecodeException("The zlib stream ended, but the connection sent more data after its end.");
        }
    }
}

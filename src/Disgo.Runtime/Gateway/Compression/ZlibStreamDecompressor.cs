using System.Buffers;
using Disgo.Gateway.Compression.Native;
using Disgo.Gateway.Transport;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Decodes <c>compress=zlib-stream</c>: one inflate context for the connection's lifetime, fed every message in order.
/// A payload is complete when a message ends with the sync-flush marker <c>00 00 FF FF</c>; messages before it are
/// kept (in a pooled buffer) until it arrives. In steady state nothing is allocated per payload, and between payloads
/// no managed buffer is held (see <see cref="UsesSystemZlib"/>).
/// </summary>
public sealed class ZlibStreamDecompressor : IGatewayDecompressor
{
    private readonly int _maxPayloadLength;
    private readonly PooledBufferWriter _pending = new();
    private readonly IZlibInflater _inflater;
    private bool _faulted;
    private bool _disposed;

    public ZlibStreamDecompressor(int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength)
        : this(maxPayloadLength, UsesSystemZlib ? () => new SystemZlibInflater() : () => new ZLibStreamInflater())
    {
    }

    internal ZlibStreamDecompressor(int maxPayloadLength, Func<IZlibInflater> createInflater)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayloadLength);
        _maxPayloadLength = maxPayloadLength;
        _inflater = createInflater();
    }

    /// <summary>
    /// Whether zlib-stream is inflated by the machine's zlib (Linux and macOS), whose context is all native memory.
    /// Where there is none (Windows) it is the framework's <see cref="System.IO.Compression.ZLibStream"/>, which holds
    /// an 8 KiB managed input buffer per connection. Decided once per process.
    /// </summary>
    public static bool UsesSystemZlib => SystemZlib.IsAvailable;

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
            _inflater.Inflate(compressed, payload, _maxPayloadLength);
            return true;
        }
        catch (GatewayDecodeException)
        {
            _faulted = true;
            throw;
        }
        finally
        {
            _pending.Release();
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _inflater.Reset();
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
}

using System.Buffers;
using Disgo.Gateway.Compression.Native;
using Disgo.Gateway.Transport;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Decodes <c>compress=zlib-stream</c>: one inflate context for the connection's lifetime, fed every message in order.
/// A payload is complete when a message ends with the sync-flush marker <c>00 00 FF FF</c>; messages before it are
/// kept (in a pooled buffer) until it arrives. In steady state nothing is allocated per payload, and between payloads
/// no managed buffer is held unless the inflater is <see cref="ZlibInflaterKind.ZLibStream"/> (see <see cref="Inflater"/>).
/// </summary>
public sealed class ZlibStreamDecompressor : IGatewayDecompressor
{
    private readonly int _maxPayloadLength;
    private readonly PooledBufferWriter _pending = new();
    private readonly IZlibInflater _inflater;
    private bool _faulted;
    private bool _disposed;

    public ZlibStreamDecompressor(int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength)
        : this(maxPayloadLength, Inflater)
    {
    }

    internal ZlibStreamDecompressor(int maxPayloadLength, ZlibInflaterKind inflater)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayloadLength);
        _maxPayloadLength = maxPayloadLength;
        _inflater = inflater switch
        {
            ZlibInflaterKind.RuntimeZlibNg => new NativeZlibInflater<PalZStream>(),
            ZlibInflaterKind.SystemZlib => new NativeZlibInflater<ZStream>(),
            ZlibInflaterKind.ZLibStream => new ZLibStreamInflater(),
            _ => throw new ArgumentOutOfRangeException(nameof(inflater)),
        };
    }

    /// <summary>
    /// What inflates zlib-stream in this process, the first that works of: the zlib-ng the .NET runtime ships (not
    /// callable under NativeAOT), the machine's zlib (Linux, macOS), the framework's
    /// <see cref="System.IO.Compression.ZLibStream"/>. The first two keep a connection's whole context in native
    /// memory; <see cref="System.IO.Compression.ZLibStream"/> holds an 8 KiB managed input buffer per connection.
    /// Decided once per process.
    /// </summary>
    public static ZlibInflaterKind Inflater { get; } =
        PalZStream.IsAvailable ? ZlibInflaterKind.RuntimeZlibNg
        : ZStream.IsAvailable ? ZlibInflaterKind.SystemZlib
        : ZlibInflaterKind.ZLibStream;

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

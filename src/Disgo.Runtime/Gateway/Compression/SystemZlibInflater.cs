using System.Buffers;
using System.Runtime.InteropServices;
using Disgo.Gateway.Compression.Native;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Inflates through the machine's zlib. The context (z_stream, zlib's state and its window) is native; the managed
/// side is this object and a handle. The input is pinned only while zlib reads it and the output is written straight
/// into the payload's buffer, so no buffer is held between payloads.
/// </summary>
internal sealed unsafe class SystemZlibInflater : IZlibInflater
{
    private const int OutputChunkLength = 4096;

    private readonly InflateStreamHandle _stream = InflateStreamHandle.Create();

    public void Inflate(ReadOnlyMemory<byte> compressed, IBufferWriter<byte> payload, int maxPayloadLength)
    {
        // The reference keeps a Dispose on another thread from freeing the context while zlib is using it.
        var referenced = false;
        try
        {
            _stream.DangerousAddRef(ref referenced);
            InflateWhole(_stream.Stream, compressed.Span, payload, maxPayloadLength);
        }
        finally
        {
            if (referenced)
            {
                _stream.DangerousRelease();
            }
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_stream.IsClosed, this);
        var status = SystemZlib.InflateReset(_stream.Stream);
        if (status != SystemZlib.Ok)
        {
            throw new InvalidOperationException($"zlib could not reset its inflate context (status {status}).");
        }
    }

    public void Dispose() => _stream.Dispose();

    private static void InflateWhole(ZStream* stream, ReadOnlySpan<byte> compressed, IBufferWriter<byte> payload, int maxPayloadLength)
    {
        fixed (byte* input = compressed)
        {
            stream->NextIn = input;
            stream->AvailIn = (uint)compressed.Length;
            try
            {
                long inflated = 0;
                while (true)
                {
                    var output = payload.GetSpan(OutputChunkLength);
                    int status;
                    fixed (byte* start = output)
                    {
                        stream->NextOut = start;
                        stream->AvailOut = (uint)output.Length;
                        status = SystemZlib.Inflate(stream, SystemZlib.SyncFlush);
                    }

                    var written = output.Length - (int)stream->AvailOut;
                    payload.Advance(written);
                    inflated += written;
                    if (inflated > maxPayloadLength)
                    {
                        throw ZlibStreamErrors.TooLarge(maxPayloadLength);
                    }

                    if (IsPayloadDone(stream, status))
                    {
                        return;
                    }
                }
            }
            finally
            {
                // Nothing of this call's buffers may outlive it in the context.
                stream->NextIn = null;
                stream->AvailIn = 0;
                stream->NextOut = null;
                stream->AvailOut = 0;
            }
        }
    }

    /// <summary>Whether the payload is whole after a call to inflate; false to call again; throws for every failure.</summary>
    private static bool IsPayloadDone(ZStream* stream, int status)
    {
        var inputUsedUp = stream->AvailIn == 0;
        switch (status)
        {
            // Stopping with room left in the output means zlib has flushed all that its input holds. With a full output
            // there may be more to come; when there is not, the next call makes no progress and says Z_BUF_ERROR.
            case SystemZlib.Ok when inputUsedUp && stream->AvailOut > 0:
            case SystemZlib.BufferError when inputUsedUp:
                // A payload ends with a sync flush, an empty stored block, so a whole one leaves zlib between blocks.
                // Anywhere else, the marker at the message's end was data and the payload was cut short.
                return (stream->DataType & SystemZlib.DataTypeBetweenBlocks) != 0
                    ? true
                    : throw new GatewayDecodeException("The zlib-stream payload is truncated: its data stops inside a deflate block.");
            case SystemZlib.Ok:
                return false;
            // The stream ended with the last byte of this payload; any later message is data after the end.
            case SystemZlib.StreamEnd when inputUsedUp:
                return true;
            case SystemZlib.StreamEnd:
                throw ZlibStreamErrors.DataAfterEnd();
            case SystemZlib.NeedDictionary:
                throw ZlibStreamErrors.Corrupt("it asks for a preset dictionary, which zlib-stream never uses.");
            case SystemZlib.DataError:
                throw ZlibStreamErrors.Corrupt(Marshal.PtrToStringUTF8((nint)stream->Msg) ?? "zlib found invalid data.");
            case SystemZlib.BufferError:
                throw new GatewayDecodeException("zlib stopped making progress on a zlib-stream payload.");
            case SystemZlib.MemoryError:
                throw new GatewayDecodeException("zlib ran out of memory while inflating a zlib-stream payload.");
            default:
                throw new GatewayDecodeException(
                    $"zlib failed on a zlib-stream payload (status {status}): {Marshal.PtrToStringUTF8((nint)stream->Msg) ?? "no detail"}.");
        }
    }
}

using System.Buffers;
using System.Runtime.InteropServices;
using Disgo.Gateway.Compression.Native;

namespace Disgo.Gateway.Compression;

/// <summary>
/// Inflates through a native zlib: the runtime's zlib-ng (<see cref="PalZStream"/>) or the machine's zlib
/// (<see cref="ZStream"/>). The context (the stream, the library's state and its window) is native; the managed side
/// is this object and a handle. The input is pinned only while zlib reads it and the output is written straight into
/// the payload's buffer, so no buffer is held between payloads.
/// </summary>
internal sealed unsafe class NativeZlibInflater<TStream> : IZlibInflater
    where TStream : unmanaged, IInflateStream<TStream>
{
    private const int OutputChunkLength = 4096;

    private readonly InflateStreamHandle<TStream> _stream = InflateStreamHandle<TStream>.Create();

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
        var status = TStream.InflateReset(_stream.Stream);
        if (status != ZlibCodes.Ok)
        {
            throw new InvalidOperationException($"zlib could not reset its inflate context (status {status}).");
        }
    }

    public void Dispose() => _stream.Dispose();

    private static void InflateWhole(TStream* stream, ReadOnlySpan<byte> compressed, IBufferWriter<byte> payload, int maxPayloadLength)
    {
        fixed (byte* input = compressed)
        {
            stream->SetInput(input, (uint)compressed.Length);
            try
            {
                long inflated = 0;
                while (true)
                {
                    var output = payload.GetSpan(OutputChunkLength);
                    int status;
                    fixed (byte* start = output)
                    {
                        stream->SetOutput(start, (uint)output.Length);
                        status = TStream.Inflate(stream, ZlibCodes.SyncFlush);
                    }

                    var written = output.Length - (int)stream->RemainingOutput;
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
                stream->SetInput(null, 0);
                stream->SetOutput(null, 0);
            }
        }
    }

    /// <summary>Whether the payload is whole after a call to inflate; false to call again; throws for every failure.</summary>
    private static bool IsPayloadDone(TStream* stream, int status)
    {
        var inputUsedUp = stream->RemainingInput == 0;
        switch (status)
        {
            // Stopping with room left in the output means zlib has flushed all that its input holds. With a full output
            // there may be more to come; when there is not, the next call makes no progress and says Z_BUF_ERROR.
            case ZlibCodes.Ok when inputUsedUp && stream->RemainingOutput > 0:
            case ZlibCodes.BufferError when inputUsedUp:
                // A payload ends with a sync flush, an empty stored block, so a whole one leaves zlib between blocks.
                // Anywhere else, the marker at the message's end was data and the payload was cut short.
                return stream->StopsBetweenBlocks
                    ? true
                    : throw new GatewayDecodeException("The zlib-stream payload is truncated: its data stops inside a deflate block.");
            case ZlibCodes.Ok:
                return false;
            // The stream ended with the last byte of this payload; any later message is data after the end.
            case ZlibCodes.StreamEnd when inputUsedUp:
                return true;
            case ZlibCodes.StreamEnd:
                throw ZlibStreamErrors.DataAfterEnd();
            case ZlibCodes.NeedDictionary:
                throw ZlibStreamErrors.Corrupt("it asks for a preset dictionary, which zlib-stream never uses.");
            case ZlibCodes.DataError:
                throw ZlibStreamErrors.Corrupt(Marshal.PtrToStringUTF8((nint)stream->Message) ?? "zlib found invalid data.");
            case ZlibCodes.BufferError:
                throw new GatewayDecodeException("zlib stopped making progress on a zlib-stream payload.");
            case ZlibCodes.MemoryError:
                throw new GatewayDecodeException("zlib ran out of memory while inflating a zlib-stream payload.");
            default:
                throw new GatewayDecodeException(
                    $"zlib failed on a zlib-stream payload (status {status}): {Marshal.PtrToStringUTF8((nint)stream->Message) ?? "no detail"}.");
        }
    }
}

using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// zlib's <c>z_stream</c>, field for field as <c>zlib.h</c> declares it (unchanged across zlib 1.x), bound to the
/// machine's zlib (<see cref="SystemZlib"/>). <c>uLong</c> is C's <c>unsigned long</c>, hence <see cref="CULong"/>:
/// 8 bytes on 64-bit Linux and macOS. zlib remembers the address of the stream it initialised and refuses any other,
/// so an instance lives in native memory and never moves.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream : IInflateStream<ZStream>
{
    public byte* NextIn;
    public uint AvailIn;
    public CULong TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public CULong TotalOut;
    public byte* Msg;
    public nint State;
    public nint ZAlloc;
    public nint ZFree;
    public nint Opaque;

    /// <summary>After <c>inflate</c>: bit 7 (128) is set when it stopped between two deflate blocks.</summary>
    public int DataType;
    public CULong Adler;
    public CULong Reserved;

    public static bool IsAvailable => SystemZlib.IsAvailable;

    public readonly uint RemainingInput => AvailIn;

    public readonly uint RemainingOutput => AvailOut;

    public readonly byte* Message => Msg;

    public readonly bool StopsBetweenBlocks => (DataType & ZlibCodes.DataTypeBetweenBlocks) != 0;

    public static int InflateInit(ZStream* stream) => SystemZlib.InflateInit(stream);

    public static int Inflate(ZStream* stream, int flush) => SystemZlib.Inflate(stream, flush);

    public static int InflateReset(ZStream* stream) => SystemZlib.InflateReset(stream);

    public static int InflateEnd(ZStream* stream) => SystemZlib.InflateEnd(stream);

    public void SetInput(byte* next, uint length)
    {
        NextIn = next;
        AvailIn = length;
    }

    public void SetOutput(byte* next, uint length)
    {
        NextOut = next;
        AvailOut = length;
    }
}

using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// zlib's <c>z_stream</c>, field for field as <c>zlib.h</c> declares it (unchanged across zlib 1.x). <c>uLong</c> is
/// C's <c>unsigned long</c>, hence <see cref="CULong"/>: 8 bytes on 64-bit Linux and macOS. zlib remembers the
/// address of the stream it initialised and refuses any other, so an instance lives in native memory and never moves.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream
{
    public byte* NextIn;
    public uint AvailIn;
    public CULong TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public CULong TotalOut;

    /// <summary>zlib's description of the last error (a static string), or null.</summary>
    public byte* Msg;
    public nint State;
    public nint ZAlloc;
    public nint ZFree;
    public nint Opaque;

    /// <summary>After <c>inflate</c>: bit 7 (128) is set when it stopped between two deflate blocks.</summary>
    public int DataType;
    public CULong Adler;
    public CULong Reserved;
}

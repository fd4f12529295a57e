using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// The .NET runtime's <c>PAL_ZStream</c> (<c>pal_zlib.h</c> in System.IO.Compression.Native), bound to the zlib-ng
/// that library carries (<see cref="RuntimeZlibNg"/>). The library copies these fields to and from its own
/// <c>z_stream</c>, which it keeps behind <see cref="InternalState"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PalZStream : IInflateStream<PalZStream>
{
    public byte* NextIn;
    public byte* NextOut;
    public byte* Msg;

    /// <summary>The library's own <c>z_stream</c>; its layout is checked against <see cref="ZStream"/> at load.</summary>
    public ZStream* InternalState;
    public uint AvailIn;
    public uint AvailOut;

    public static bool IsAvailable => RuntimeZlibNg.IsAvailable;

    public readonly uint RemainingInput => AvailIn;

    public readonly uint RemainingOutput => AvailOut;

    public readonly byte* Message => Msg;

    // The PAL struct has no data_type, so it is read where inflate writes it: the z_stream behind it.
    public readonly bool StopsBetweenBlocks => (InternalState->DataType & ZlibCodes.DataTypeBetweenBlocks) != 0;

    public static int InflateInit(PalZStream* stream) => RuntimeZlibNg.InflateInit(stream);

    public static int Inflate(PalZStream* stream, int flush) => RuntimeZlibNg.Inflate(stream, flush);

    public static int InflateReset(PalZStream* stream) => RuntimeZlibNg.InflateReset(stream);

    public static int InflateEnd(PalZStream* stream) => RuntimeZlibNg.InflateEnd(stream);

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

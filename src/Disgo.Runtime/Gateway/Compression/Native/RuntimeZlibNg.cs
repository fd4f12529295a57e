using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// The zlib-ng the .NET runtime ships in System.IO.Compression.Native (what <see cref="System.IO.Compression.ZLibStream"/>
/// uses), called through the library's exported inflate API. It is loaded from the runtime's directory; under
/// NativeAOT that library is linked into the binary and not exported, so there <see cref="IsAvailable"/> is false.
/// The exports are called through function pointers rather than <c>[LibraryImport]</c>: an assembly has one
/// import resolver, and <see cref="SystemZlib"/> holds it.
/// </summary>
internal static unsafe class RuntimeZlibNg
{
    private static readonly delegate* unmanaged<PalZStream*, int, int> s_inflateInit2;
    private static readonly delegate* unmanaged<PalZStream*, int, int> s_inflate;
    private static readonly delegate* unmanaged<PalZStream*, int> s_inflateEnd;
    private static readonly delegate* unmanaged<PalZStream*, int, int> s_inflateReset2;

    static RuntimeZlibNg()
    {
        if (TryLoad(out var library)
            && NativeLibrary.TryGetExport(library, "CompressionNative_InflateInit2_", out var inflateInit2)
            && NativeLibrary.TryGetExport(library, "CompressionNative_Inflate", out var inflate)
            && NativeLibrary.TryGetExport(library, "CompressionNative_InflateEnd", out var inflateEnd)
            && NativeLibrary.TryGetExport(library, "CompressionNative_InflateReset2_", out var inflateReset2))
        {
            s_inflateInit2 = (delegate* unmanaged<PalZStream*, int, int>)inflateInit2;
            s_inflate = (delegate* unmanaged<PalZStream*, int, int>)inflate;
            s_inflateEnd = (delegate* unmanaged<PalZStream*, int>)inflateEnd;
            s_inflateReset2 = (delegate* unmanaged<PalZStream*, int, int>)inflateReset2;
            IsAvailable = SelfTest();
        }
    }

    /// <summary>Whether the runtime's zlib-ng was found and inflated a known payload correctly; decided once per process.</summary>
    public static bool IsAvailable { get; }

    /// <summary>"disgo" as zlib-stream sends it: a zlib header, one compressed block, then the sync-flush marker.</summary>
    private static ReadOnlySpan<byte> SamplePayload => [0x78, 0xDA, 0x4A, 0xC9, 0x2C, 0x4E, 0xCF, 0x07, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    public static int InflateInit(PalZStream* stream) => s_inflateInit2(stream, ZlibCodes.ZlibHeaderWindowBits);

    public static int Inflate(PalZStream* stream, int flush) => s_inflate(stream, flush);

    public static int InflateReset(PalZStream* stream) => s_inflateReset2(stream, ZlibCodes.ZlibHeaderWindowBits);

    public static int InflateEnd(PalZStream* stream) => s_inflateEnd(stream);

    private static bool TryLoad(out nint library)
    {
        library = 0;
        var fileName = OperatingSystem.IsWindows() ? "System.IO.Compression.Native.dll"
            : OperatingSystem.IsMacOS() ? "libSystem.IO.Compression.Native.dylib"
            : "libSystem.IO.Compression.Native.so";
        // Empty under NativeAOT, where the runtime is the application binary itself.
        var directory = RuntimeEnvironment.GetRuntimeDirectory();
        return directory.Length > 0 && NativeLibrary.TryLoad(Path.Combine(directory, fileName), out library);
    }

    /// <summary>
    /// Inflates <see cref="SamplePayload"/> and checks the text, and that the library's own z_stream agrees with
    /// <see cref="ZStream"/>'s layout (its output pointer and input count match the PAL copy), since the end of each
    /// payload is read from its data_type.
    /// </summary>
    private static bool SelfTest()
    {
        var stream = default(PalZStream);
        if (InflateInit(&stream) != ZlibCodes.Ok)
        {
            return false;
        }

        try
        {
            Span<byte> output = stackalloc byte[32];
            fixed (byte* input = SamplePayload)
            fixed (byte* start = output)
            {
                stream.SetInput(input, (uint)SamplePayload.Length);
                stream.SetOutput(start, (uint)output.Length);
                var status = Inflate(&stream, ZlibCodes.SyncFlush);
                var inner = stream.InternalState;
                return status == ZlibCodes.Ok
                    && stream.AvailIn == 0
                    && output[..(output.Length - (int)stream.AvailOut)].SequenceEqual("disgo"u8)
                    && inner is not null
                    && inner->NextOut == stream.NextOut
                    && inner->AvailIn == 0
                    && inner->AvailOut == stream.AvailOut
                    && stream.StopsBetweenBlocks;
            }
        }
        finally
        {
            InflateEnd(&stream);
        }
    }
}

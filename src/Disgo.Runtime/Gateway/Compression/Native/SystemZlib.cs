using System.Reflection;
using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// The machine's zlib (<c>libz.so.1</c> on Linux, <c>libz.dylib</c> on macOS), bound through its documented inflate
/// API. Loaded once; where it cannot be loaded (Windows has no system zlib) <see cref="IsAvailable"/> is false.
/// </summary>
internal static unsafe partial class SystemZlib
{
    // A name of our own, answered by Resolve: the file differs by platform, and the bare name "z" would make the
    // default probing look for libz.so, which only zlib's development package installs.
    private const string LibraryName = "disgo-system-zlib";

    private static nint s_library;

    // Explicit, so the type is initialised (and the resolver installed) before any of its methods runs, P/Invokes
    // included; a type with only field initialisers may be initialised no earlier than its first field access.
    static SystemZlib() => IsAvailable = TryLoad();

    /// <summary>Whether the machine's zlib was found and accepted an inflate context; decided once per process.</summary>
    public static bool IsAvailable { get; }

    // zlib only compares the first digit of the version it was built with and the size of z_stream: together they
    // stand for the z_stream layout declared in ZStream, the same throughout zlib 1.x.
    private static ReadOnlySpan<byte> Version => "1.2.13\0"u8;

    public static int InflateInit(ZStream* stream)
    {
        fixed (byte* version = Version)
        {
            return InflateInit2(stream, ZlibCodes.ZlibHeaderWindowBits, version, sizeof(ZStream));
        }
    }

    [LibraryImport(LibraryName, EntryPoint = "inflate")]
    public static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(LibraryName, EntryPoint = "inflateReset")]
    public static partial int InflateReset(ZStream* stream);

    [LibraryImport(LibraryName, EntryPoint = "inflateEnd")]
    public static partial int InflateEnd(ZStream* stream);

    [LibraryImport(LibraryName, EntryPoint = "inflateInit2_")]
    private static partial int InflateInit2(ZStream* stream, int windowBits, byte* version, int streamSize);

    private static bool TryLoad()
    {
        var fileName = OperatingSystem.IsLinux() ? "libz.so.1" : OperatingSystem.IsMacOS() ? "libz.dylib" : null;
        if (fileName is null || !NativeLibrary.TryLoad(fileName, out s_library))
        {
            return false;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SystemZlib).Assembly, Resolve);
            return Probe();
        }
        // The assembly's resolver was already set elsewhere, or the library lacks the inflate API.
        catch (Exception exception) when (exception is InvalidOperationException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? s_library : 0;

    /// <summary>Starts and ends one inflate context: the library has the API, and takes our version and z_stream size.</summary>
    private static bool Probe()
    {
        var stream = default(ZStream);
        if (InflateInit(&stream) != ZlibCodes.Ok)
        {
            return false;
        }

        InflateEnd(&stream);
        return true;
    }
}

using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// Owns one initialised inflate stream in native memory: the inflate context of a connection, with the library's
/// own state and window behind it. Released exactly once, by <see cref="SafeHandle.Dispose()"/> or, for a
/// decompressor that was never disposed, by the finalizer.
/// </summary>
internal sealed unsafe class InflateStreamHandle<TStream> : SafeHandle
    where TStream : unmanaged, IInflateStream<TStream>
{
    private InflateStreamHandle()
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public TStream* Stream => (TStream*)handle;

    public static InflateStreamHandle<TStream> Create()
    {
        if (!TStream.IsAvailable)
        {
            throw new PlatformNotSupportedException($"The zlib behind {typeof(TStream).Name} is not available on this machine.");
        }

        var owner = new InflateStreamHandle<TStream>();
        // Zeroed: no custom allocator (zlib uses malloc) and no state, so releasing a context that failed to start is safe.
        owner.SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(TStream)));
        var status = TStream.InflateInit(owner.Stream);
        if (status != ZlibCodes.Ok)
        {
            owner.Dispose();
            throw new InvalidOperationException($"zlib could not start an inflate context (status {status}).");
        }

        return owner;
    }

    protected override bool ReleaseHandle()
    {
        TStream.InflateEnd((TStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

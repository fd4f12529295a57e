using System.Runtime.InteropServices;

namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// Owns one initialised <see cref="ZStream"/> in native memory: the inflate context of a connection, with zlib's own
/// state and window behind it. Released exactly once, by <see cref="SafeHandle.Dispose()"/> or, for a decompressor
/// that was never disposed, by the finalizer.
/// </summary>
internal sealed unsafe class InflateStreamHandle : SafeHandle
{
    private InflateStreamHandle()
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public ZStream* Stream => (ZStream*)handle;

    public static InflateStreamHandle Create()
    {
        if (!SystemZlib.IsAvailable)
        {
            throw new PlatformNotSupportedException("This machine has no system zlib; zlib-stream uses ZLibStream here.");
        }

        var owner = new InflateStreamHandle();
        // Zeroed: no custom allocator (zlib uses malloc) and no state, so releasing a context that failed to start is safe.
        owner.SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(ZStream)));
        var status = SystemZlib.InflateInit(owner.Stream);
        if (status != SystemZlib.Ok)
        {
            owner.Dispose();
            throw new InvalidOperationException($"zlib could not start an inflate context (status {status}).");
        }

        return owner;
    }

    protected override bool ReleaseHandle()
    {
        SystemZlib.InflateEnd((ZStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

using Disgo.Gateway.Compression;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>The ways a <see cref="ZlibStreamDecompressor"/> inflates, for theories that must hold for each.</summary>
internal static class ZlibInflaters
{
    /// <summary>Every inflater this machine can run: the framework's always, the native ones where they load.</summary>
    public static TheoryData<ZlibInflaterKind> Available
    {
        get
        {
            var available = new TheoryData<ZlibInflaterKind>();
            foreach (var inflater in Native)
            {
                available.Add(inflater);
            }

            available.Add(ZlibInflaterKind.ZLibStream);
            return available;
        }
    }

    /// <summary>The inflaters over a native zlib that this machine can run (both, on Linux with the runtime's JIT).</summary>
    public static TheoryData<ZlibInflaterKind> Native
    {
        get
        {
            var native = new TheoryData<ZlibInflaterKind>();
            if (!string.IsNullOrEmpty(typeof(object).Assembly.Location))
            {
                native.Add(ZlibInflaterKind.RuntimeZlibNg);
            }

            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                native.Add(ZlibInflaterKind.SystemZlib);
            }

            return native;
        }
    }

    public static ZlibStreamDecompressor Create(
        ZlibInflaterKind inflater, int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength) =>
        new(maxPayloadLength, inflater);
}

using Disgo.Gateway.Compression;

namespace Disgo.Runtime.Tests.Gateway.Compression;

/// <summary>The two ways a <see cref="ZlibStreamDecompressor"/> inflates, for theories that must hold for both.</summary>
public enum ZlibInflater
{
    SystemZlib,
    ZLibStream,
}

internal static class ZlibInflaters
{
    /// <summary>Both inflaters where the machine has a zlib (Linux, macOS); the framework's alone elsewhere.</summary>
    public static TheoryData<ZlibInflater> Available =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
            ? new() { ZlibInflater.SystemZlib, ZlibInflater.ZLibStream }
            : new() { ZlibInflater.ZLibStream };

    public static ZlibStreamDecompressor Create(
        ZlibInflater inflater, int maxPayloadLength = GatewayDecompressor.DefaultMaxPayloadLength) =>
        inflater switch
        {
            ZlibInflater.SystemZlib => new(maxPayloadLength, static () => new SystemZlibInflater()),
            ZlibInflater.ZLibStream => new(maxPayloadLength, static () => new ZLibStreamInflater()),
            _ => throw new ArgumentOutOfRangeException(nameof(inflater)),
        };
}

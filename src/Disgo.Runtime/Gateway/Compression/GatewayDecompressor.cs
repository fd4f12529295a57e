namespace Disgo.Gateway.Compression;

/// <summary>Creates the built-in decompressor for a <see cref="GatewayCompression"/>.</summary>
public static class GatewayDecompressor
{
    /// <summary>The largest decoded payload accepted by default. A full GUILD_CREATE of a very large guild stays well below it.</summary>
    public const int DefaultMaxPayloadLength = 64 * 1024 * 1024;

    /// <summary>A new decompressor, with a fresh context, for one connection.</summary>
    public static IGatewayDecompressor Create(GatewayCompression compression, int maxPayloadLength = DefaultMaxPayloadLength) =>
        compression switch
        {
            GatewayCompression.ZlibStream => new ZlibStreamDecompressor(maxPayloadLength),
            GatewayCompression.ZstdStream => new ZstdStreamDecompressor(maxPayloadLength),
            GatewayCompression.None => new UncompressedDecompressor(maxPayloadLength),
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown gateway compression."),
        };
}

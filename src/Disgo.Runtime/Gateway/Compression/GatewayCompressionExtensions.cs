namespace Disgo.Gateway.Compression;

public static class GatewayCompressionExtensions
{
    /// <summary>The value of the gateway URL's <c>compress</c> parameter, or <see langword="null"/> to leave it out.</summary>
    public static string? ToQueryValue(this GatewayCompression compression) => compression switch
    {
        GatewayCompression.ZlibStream => "zlib-stream",
        GatewayCompression.ZstdStream => "zstd-stream",
        GatewayCompression.None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown gateway compression."),
    };
}

namespace Disgo.Gateway.Compression;

/// <summary>The decode errors of zlib-stream, worded once for both inflaters.</summary>
internal static class ZlibStreamErrors
{
    public static GatewayDecodeException Corrupt(string detail, Exception? inner = null) =>
        inner is null
            ? new GatewayDecodeException($"The zlib-stream data is corrupt: {detail}")
            : new GatewayDecodeException($"The zlib-stream data is corrupt: {detail}", inner);

    public static GatewayDecodeException DataAfterEnd() =>
        new("The zlib stream ended, but the connection sent more data after its end.");

    public static GatewayDecodeException TooLarge(int maxPayloadLength) =>
        new($"A zlib-stream payload inflates to more than {maxPayloadLength} bytes.");
}

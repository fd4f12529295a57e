using Disgo.Emulator.Observation;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Gateway;

/// <summary>Transport compression a client asked for with <c>compress=</c>.</summary>
internal enum TransportCompression
{
    None,
    ZlibStream,
    ZstdStream,
}

/// <summary>
/// The gateway URL's query: <c>v</c>, <c>encoding</c> and <c>compress</c>. A bad value is not refused at the HTTP
/// level: the socket is accepted and then closed with a code, as Discord does for a bad <c>v</c> (4012), so a client
/// sees a gateway close code rather than a failed handshake.
/// </summary>
internal sealed record GatewayUrlQuery(int ApiVersion, TransportCompression Compression, GatewayRejection? Rejection)
{
    public static GatewayUrlQuery Parse(IQueryCollection query)
    {
        // Discord's v10 and v9 are "available"; deprecated and discontinued versions (and none at all) get 4012.
        var version = query["v"].ToString() switch
        {
            "10" => 10,
            "9" => 9,
            _ => 0,
        };
        if (version == 0)
            return Rejected(new(GatewayCloseCodes.InvalidApiVersion, ViolationKind.InvalidApiVersion, $"Invalid API version '{query["v"]}': use v=10 or v=9."));

        // ETF is a valid Discord encoding this emulator does not implement. It closes with 4002 (the server cannot
        // decode what the client would send) and says so, instead of speaking JSON to a client that expects ETF.
        var encoding = query["encoding"].ToString();
        if (encoding == "etf")
            return Rejected(new(GatewayCloseCodes.DecodeError, null, "encoding=etf is not emulated: connect with encoding=json."));
        if (encoding is not ("json" or ""))
            return Rejected(new(GatewayCloseCodes.DecodeError, ViolationKind.DecodeError, $"Unknown encoding '{encoding}': use encoding=json."));

        var compress = query["compress"].ToString();
        TransportCompression compression;
        switch (compress)
        {
            case "":
                compression = TransportCompression.None;
                break;
            case "zlib-stream":
                compression = TransportCompression.ZlibStream;
                break;
            case "zstd-stream":
                compression = TransportCompression.ZstdStream;
                break;
            default:
                return Rejected(new(GatewayCloseCodes.DecodeError, ViolationKind.DecodeError, $"Unknown compress '{compress}': use zlib-stream, zstd-stream or none."));
        }

        return new GatewayUrlQuery(version, compression, null);

        GatewayUrlQuery Rejected(GatewayRejection rejection) => new(version, TransportCompression.None, rejection);
    }

    /// <summary>The connection's compression context, or null for plain JSON text frames.</summary>
    public PayloadEncoder? CreateEncoder() => Compression switch
    {
        TransportCompression.ZlibStream => new ZlibStreamEncoder(),
        TransportCompression.ZstdStream => new ZstdStreamEncoder(),
        _ => null,
    };
}

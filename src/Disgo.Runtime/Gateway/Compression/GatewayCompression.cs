namespace Disgo.Gateway.Compression;

/// <summary>The transport compression a gateway connection asks for with its <c>compress</c> query parameter.</summary>
public enum GatewayCompression
{
    /// <summary>One zlib inflate context per connection; a payload ends with the sync-flush marker <c>00 00 FF FF</c>.</summary>
    ZlibStream = 0,

    /// <summary>One zstd decompression context per connection; every WebSocket message holds one payload.</summary>
    ZstdStream,

    /// <summary>No transport compression: every WebSocket message is one JSON payload.</summary>
    None,
}

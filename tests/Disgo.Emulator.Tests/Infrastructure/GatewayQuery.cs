namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// The gateway URL's query string (<c>v</c>, <c>encoding</c>, <c>compress</c>). Strings rather than numbers so tests
/// can send the malformed values a broken client would.
/// </summary>
public sealed record GatewayQuery(string? Version = "10", string? Encoding = "json", GatewayCompression Compression = GatewayCompression.None)
{
    public static GatewayQuery Default { get; } = new();

    public string? CompressValue => Compression switch
    {
        GatewayCompression.ZlibStream => "zlib-stream",
        GatewayCompression.ZstdStream => "zstd-stream",
        _ => null,
    };

    /// <summary>Appends this query to a gateway URL, replacing any query it had.</summary>
    public Uri ApplyTo(Uri url)
    {
        var parts = new List<string>(3);
        if (Version is not null)
            parts.Add("v=" + Uri.EscapeDataString(Version));
        if (Encoding is not null)
            parts.Add("encoding=" + Uri.EscapeDataString(Encoding));
        if (CompressValue is { } compress)
            parts.Add("compress=" + compress);
        return new UriBuilder(url) { Query = string.Join('&', parts) }.Uri;
    }
}

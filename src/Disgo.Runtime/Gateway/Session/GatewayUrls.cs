using Disgo.Gateway.Compression;

namespace Disgo.Gateway.Session;

/// <summary>
/// The URLs a session talks to: validation (TLS everywhere except loopback, where the emulator and local proxies
/// live) and the gateway query every connection carries.
/// </summary>
internal static class GatewayUrls
{
    /// <summary>The gateway API version Disgo speaks.</summary>
    public const int ApiVersion = 10;

    public static Uri DiscordRestBaseUrl { get; } = new("https://discord.com/api/v10");

    /// <summary>Why <paramref name="url"/> cannot be a gateway URL (<c>wss://</c>, or <c>ws://</c> on loopback); null if it can.</summary>
    public static string? GatewayUrlProblem(Uri url) => Problem(url, "wss", "ws");

    /// <summary>Why <paramref name="url"/> cannot be the REST base URL (<c>https://</c>, or <c>http://</c> on loopback); null if it can.</summary>
    public static string? RestUrlProblem(Uri url) => Problem(url, "https", "http");

    /// <summary>
    /// <paramref name="url"/> with the query Discord wants on every connection, resumes included:
    /// <c>v=10&amp;encoding=json</c> and the transport compression. Any query it had is replaced.
    /// </summary>
    public static Uri ForConnection(Uri url, GatewayCompression compression)
    {
        var query = $"v={ApiVersion}&encoding=json";
        if (compression.ToQueryValue() is { } compress)
        {
            query += "&compress=" + compress;
        }

        return new UriBuilder(url) { Query = query, Fragment = string.Empty }.Uri;
    }

    /// <summary><c>GET /gateway/bot</c> under <paramref name="restBaseUrl"/>.</summary>
    public static Uri GatewayBot(Uri restBaseUrl) => new(restBaseUrl.AbsoluteUri.TrimEnd('/') + "/gateway/bot");

    /// <summary>The URL without its query, for logs.</summary>
    public static string Display(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static string? Problem(Uri url, string secureScheme, string plainScheme)
    {
        if (!url.IsAbsoluteUri)
        {
            return $"'{url}' is not an absolute URL; use {secureScheme}://host/...";
        }

        if (url.Scheme == secureScheme)
        {
            return null;
        }

        if (url.Scheme == plainScheme)
        {
            return url.IsLoopback
                ? null
                : $"'{Display(url)}' uses {plainScheme}://, which Disgo allows only for loopback hosts (localhost, 127.0.0.1, ::1); use {secureScheme}://";
        }

        return $"'{Display(url)}' has the scheme '{url.Scheme}'; use {secureScheme}:// ({plainScheme}:// only for loopback hosts)";
    }
}

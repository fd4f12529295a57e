using System.Security.Cryptography;
using System.Text;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The rate limit of one REST route (or of several routes that share a bucket, as Discord allows).
/// Discord does not document per-route numbers and tells clients to read the headers instead, so these
/// values only need to be plausible and enforced; clients that hard-code them are wrong against Discord too.
/// </summary>
public sealed class RouteLimit
{
    public RouteLimit(string route, int limit, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(route);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Route = route;
        Limit = limit;
        Period = period;

        // Opaque and stable per route, and unrelated to the path, like Discord's: clients must key on it, not on the URL.
        BucketHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(route)))[..32];
    }

    /// <summary><c>GET /gateway</c>: unauthenticated, so counted per caller (everyone on loopback is one caller).</summary>
    public static RouteLimit Gateway { get; } = new("GET /gateway", 5, TimeSpan.FromSeconds(5));

    /// <summary><c>GET /gateway/bot</c>: libraries call it once per start or reshard, so a small bucket is realistic.</summary>
    public static RouteLimit GatewayBot { get; } = new("GET /gateway/bot", 5, TimeSpan.FromSeconds(5));

    /// <summary>The route as <c>METHOD /path</c>, for messages.</summary>
    public string Route { get; }

    /// <summary>Requests per window.</summary>
    public int Limit { get; }

    /// <summary>Window length.</summary>
    public TimeSpan Period { get; }

    /// <summary>The <c>X-RateLimit-Bucket</c> value.</summary>
    public string BucketHash { get; }
}

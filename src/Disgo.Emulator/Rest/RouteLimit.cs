using System.Security.Cryptography;
using System.Text;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The bucket one route currently uses: its opaque hash and size. Routes that share a bucket have the same hash;
/// a bucket change gives a route a new <see cref="RouteLimit"/>.
/// </summary>
/// <param name="Route">The route as <c>METHOD /template</c>, for messages.</param>
/// <param name="BucketHash">The <c>X-RateLimit-Bucket</c> value.</param>
/// <param name="Rate">Requests per window.</param>
public sealed record RouteLimit(string Route, string BucketHash, RouteRate Rate)
{
    public int Limit => Rate.Limit;

    public TimeSpan Period => Rate.Window;

    /// <summary>
    /// An opaque, stable hash for a bucket name, unrelated to the path like Discord's: clients must key on it, not on the URL.
    /// </summary>
    public static string HashOf(string bucketName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucketName)))[..32];
}

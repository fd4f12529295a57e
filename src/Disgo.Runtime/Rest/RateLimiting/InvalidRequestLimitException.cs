using System.Globalization;

namespace Disgo.Rest.RateLimiting;

/// <summary>
/// Disgo refused to send: too many requests in the last 10 minutes were answered 401, 403 or 429, and Discord bans
/// the IP for a while at 10,000. Nothing was sent; sending works again as old invalid requests leave the window.
/// </summary>
public sealed class InvalidRequestLimitException(string route, int invalidRequests, int inFlight, TimeSpan window, TimeSpan retryAfter)
    : DiscordRestException(route, string.Create(
        CultureInfo.InvariantCulture,
        $"{route} was not sent: {invalidRequests} requests in the last {window.TotalMinutes:0.##} min were answered 401, 403 or 429 " +
        $"({inFlight} more are out), and Discord bans the IP at 10,000. Sending resumes as they expire (the oldest in " +
        $"{retryAfter.TotalSeconds:0.###} s). Fix the cause: a revoked token, missing permissions, or requests that ignore rate limits."))
{
    public int InvalidRequests { get; } = invalidRequests;

    /// <summary>When the oldest counted invalid request leaves the window.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}

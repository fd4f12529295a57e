using Disgo.Rest.RateLimiting;

namespace Disgo.Rest;

/// <summary>Discord kept answering 429 after the client's retries; <see cref="RetryAfter"/> says how long the last one asked to wait.</summary>
public sealed class DiscordRateLimitException(string route, string message, RateLimitScope scope, TimeSpan retryAfter)
    : DiscordRestException(route, message, statusCode: 429)
{
    public RateLimitScope Scope { get; } = scope;

    public TimeSpan RetryAfter { get; } = retryAfter;
}

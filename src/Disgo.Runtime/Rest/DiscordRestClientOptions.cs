using Disgo.Gateway.Session;
using Disgo.Rest.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Rest;

/// <summary>Settings of a <see cref="DiscordRestClient"/>. Only <see cref="Token"/> is required.</summary>
public sealed class DiscordRestClientOptions
{
    /// <summary>The bot token, sent as <c>Authorization: Bot &lt;token&gt;</c>. Never logged, never in an exception.</summary>
    public string Token { get; set; } = "";

    /// <summary>The REST base: Discord's <c>https://discord.com/api/v10</c> by default, or the emulator's.</summary>
    public Uri BaseUrl { get; set; } = GatewayUrls.DiscordRestBaseUrl;

    /// <summary>How long one attempt may take, body included, before it counts as timed out.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Extra attempts for an idempotent request (GET, PUT, DELETE) after a 5xx, a timeout or a network failure.
    /// Other methods are never repeated for those: Discord may have acted on the first attempt.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many 429s in a row one request waits out (any method: a 429 was not acted on) before failing.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>The rate limiter; a new in-process <see cref="RateLimiter"/> on <see cref="TimeProvider"/> when null.</summary>
    public IRateLimiter? RateLimiter { get; set; }

    /// <summary>The clock of timeouts and retry waits (and of the default rate limiter).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Token), nameof(Token), "is empty; use the bot token from the Developer Portal");
        Require(BaseUrl is not null, nameof(BaseUrl), "is null");
        if (GatewayUrls.RestUrlProblem(BaseUrl!) is { } problem)
        {
            Require(false, nameof(BaseUrl), $"is not usable: {problem}");
        }

        Require(RequestTimeout > TimeSpan.Zero || RequestTimeout == Timeout.InfiniteTimeSpan, nameof(RequestTimeout), "must be positive");
        Require(MaxRetries >= 0, nameof(MaxRetries), "must not be negative");
        Require(RetryDelay >= TimeSpan.Zero, nameof(RetryDelay), "must not be negative");
        Require(MaxRateLimitRetries >= 0, nameof(MaxRateLimitRetries), "must not be negative");
        Require(TimeProvider is not null, nameof(TimeProvider), "is null; use TimeProvider.System");
        Require(LoggerFactory is not null, nameof(LoggerFactory), "is null; use NullLoggerFactory.Instance to log nothing");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(DiscordRestClientOptions)}.{name} {problem}.", name);
        }
    }
}

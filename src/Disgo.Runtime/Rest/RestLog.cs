using Microsoft.Extensions.Logging;

namespace Disgo.Rest;

/// <summary>What the REST client logs. Routes are logged through <see cref="RestRoute.ToString"/>, which hides tokens.</summary>
internal static partial class RestLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Route} answered 429 ({Scope}); retrying after {RetryAfterMs} ms")]
    public static partial void RateLimited(ILogger logger, RestRoute route, string scope, double retryAfterMs);

    [LoggerMessage(2, LogLevel.Warning, "{Route} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, RestRoute route, string reason, int attempt, int maxRetries, double delayMs);
}

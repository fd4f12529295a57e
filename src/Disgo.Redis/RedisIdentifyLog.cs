using Microsoft.Extensions.Logging;

namespace Disgo.Redis;

/// <summary>What the Redis identify coordinator logs. Servers are named by endpoint only: never a password.</summary>
internal static partial class RedisIdentifyLog
{
    [LoggerMessage(501, LogLevel.Information, "Identify coordination through Redis {Server} under '{Prefix}': {MaxConcurrency} bucket(s), {Remaining} session starts left")]
    public static partial void Ready(ILogger logger, string server, string prefix, int maxConcurrency, int remaining);

    [LoggerMessage(502, LogLevel.Warning, "Redis {Server} cannot be asked; no Identify is sent until it can")]
    public static partial void Unavailable(ILogger logger, string server, Exception exception);

    [LoggerMessage(503, LogLevel.Warning, "Releasing bucket {Bucket} in Redis failed; it frees itself after the hold timeout")]
    public static partial void ReleaseFailed(ILogger logger, int bucket, Exception exception);

    [LoggerMessage(504, LogLevel.Warning, "Bucket {Bucket} was released after its hold had expired in Redis; raise HoldTimeout if Discord's answers take this long")]
    public static partial void HoldExpired(ILogger logger, int bucket);

    [LoggerMessage(505, LogLevel.Debug, "Bucket {Bucket} granted to shard {Shard}; {Remaining} session starts left")]
    public static partial void Granted(ILogger logger, int bucket, string shard, long remaining);
}

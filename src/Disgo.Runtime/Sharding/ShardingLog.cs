using Microsoft.Extensions.Logging;

namespace Disgo.Sharding;

/// <summary>What the session and shard managers log. Nothing here takes the token.</summary>
internal static partial class ShardingLog
{
    [LoggerMessage(101, LogLevel.Error, "A SessionChanged handler failed on: {Change}")]
    public static partial void SessionChangedHandlerFailed(ILogger logger, string change, Exception exception);

    [LoggerMessage(102, LogLevel.Information, "Starting shards {Shards} of {Total}: {Windows} identify window(s) at max_concurrency {MaxConcurrency}; {Remaining} session starts left")]
    public static partial void Starting(ILogger logger, string shards, int total, int windows, int maxConcurrency, int remaining);

    [LoggerMessage(103, LogLevel.Information, "All {Count} shards of {Total} are ready after {Seconds:0.0} s")]
    public static partial void AllReady(ILogger logger, int count, int total, double seconds);

    [LoggerMessage(104, LogLevel.Error, "A ProgressChanged handler failed")]
    public static partial void ProgressHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "Shard {Shard}: Discord requires more shards (4011); resharding to the recommended count")]
    public static partial void ShardingRequired(ILogger logger, string shard);

    [LoggerMessage(106, LogLevel.Information, "Resharding from {OldTotal} to {NewTotal} shards")]
    public static partial void Resharding(ILogger logger, int oldTotal, int newTotal);

    [LoggerMessage(107, LogLevel.Information, "Switched to {NewTotal} shards; stopping the {OldCount} sessions of the {OldTotal}-shard set")]
    public static partial void SwitchedOver(ILogger logger, int newTotal, int oldCount, int oldTotal);

    [LoggerMessage(108, LogLevel.Error, "Resharding after 4011 failed; the shards that Discord refused stay offline")]
    public static partial void AutomaticReshardFailed(ILogger logger, Exception exception);

    [LoggerMessage(109, LogLevel.Critical, "Shard {Shard} stopped for good")]
    public static partial void ShardStopped(ILogger logger, string shard, Exception exception);

    [LoggerMessage(110, LogLevel.Error, "Delivering a held event (shard {ShardId}, sequence {Sequence}) at switch-over failed")]
    public static partial void HeldEventFailed(ILogger logger, int shardId, long sequence, Exception exception);

    [LoggerMessage(120, LogLevel.Error, "An IdentifyWaiting handler failed")]
    public static partial void IdentifyWaitingHandlerFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace Disgo.Gateway.Session;

/// <summary>What a gateway session logs. Nothing here takes the token, or a payload that carries it.</summary>
internal static partial class GatewaySessionLog
{
    [LoggerMessage(1, LogLevel.Debug, "Shard {Shard}: connecting to {Url}")]
    public static partial void Connecting(ILogger logger, string shard, string url);

    [LoggerMessage(2, LogLevel.Warning, "Shard {Shard}: the WebSocket handshake with {Url} failed")]
    public static partial void HandshakeFailed(ILogger logger, string shard, string url, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Shard {Shard}: identifying a new session")]
    public static partial void Identifying(ILogger logger, string shard);

    [LoggerMessage(4, LogLevel.Information, "Shard {Shard}: session {SessionId} is ready with {GuildCount} guilds")]
    public static partial void Ready(ILogger logger, string shard, string sessionId, int guildCount);

    [LoggerMessage(5, LogLevel.Information, "Shard {Shard}: resuming session {SessionId} from sequence {Sequence} on {Url}")]
    public static partial void Resuming(ILogger logger, string shard, string sessionId, long sequence, string url);

    [LoggerMessage(6, LogLevel.Information, "Shard {Shard}: session {SessionId} resumed")]
    public static partial void Resumed(ILogger logger, string shard, string sessionId);

    [LoggerMessage(7, LogLevel.Warning, "Shard {Shard}: {Description}")]
    public static partial void ServerClosed(ILogger logger, string shard, string description);

    [LoggerMessage(8, LogLevel.Critical, "Shard {Shard}: the session stopped and will not reconnect")]
    public static partial void StoppedByFailure(ILogger logger, string shard, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Shard {Shard}: a heartbeat went unacknowledged for {IntervalMs} ms; closing the zombied connection to resume")]
    public static partial void Zombied(ILogger logger, string shard, double intervalMs);

    [LoggerMessage(10, LogLevel.Information, "Shard {Shard}: the gateway asked for a reconnect (op 7); resuming on a new connection")]
    public static partial void ReconnectRequested(ILogger logger, string shard);

    [LoggerMessage(11, LogLevel.Warning, "Shard {Shard}: invalid session (op 9); resumable: {Resumable}")]
    public static partial void InvalidSession(ILogger logger, string shard, bool resumable);

    [LoggerMessage(12, LogLevel.Error, "Shard {Shard}: the gateway sent data that cannot be decoded; recycling the connection and resuming")]
    public static partial void BadInput(ILogger logger, string shard, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "Shard {Shard}: {Missed} events before sequence {Sequence} never arrived")]
    public static partial void SequenceGap(ILogger logger, string shard, long missed, long sequence);

    [LoggerMessage(15, LogLevel.Information, "Shard {Shard}: waiting {DelayMs} ms before connecting again")]
    public static partial void Waiting(ILogger logger, string shard, double delayMs);

    [LoggerMessage(16, LogLevel.Warning, "Shard {Shard}: the resume URL {Url} failed {Failures} handshakes in a row; resuming on the gateway URL instead")]
    public static partial void ResumeUrlFallback(ILogger logger, string shard, string url, int failures);

    [LoggerMessage(17, LogLevel.Error, "Shard {Shard}: a StatusChanged handler failed")]
    public static partial void StatusHandlerFailed(ILogger logger, string shard, Exception exception);

    [LoggerMessage(18, LogLevel.Warning, "Shard {Shard}: the connection dropped without a close frame; resuming")]
    public static partial void Dropped(ILogger logger, string shard, Exception? exception);

    [LoggerMessage(19, LogLevel.Warning, "Shard {Shard}: finding the gateway failed; retrying")]
    public static partial void BootstrapFailed(ILogger logger, string shard, Exception exception);

    [LoggerMessage(20, LogLevel.Warning, "Shard {Shard}: READY's resume_gateway_url is not usable ({Problem}); resumes will use the gateway URL")]
    public static partial void ResumeUrlRejected(ILogger logger, string shard, string problem);

    [LoggerMessage(21, LogLevel.Warning, "Shard {Shard}: a member chunk or rate limit answer could not be read")]
    public static partial void MemberAnswerUnreadable(ILogger logger, string shard, Exception exception);

    [LoggerMessage(22, LogLevel.Information, "Shard {Shard}: stopped (close code sent: {CloseCode})")]
    public static partial void Stopped(ILogger logger, string shard, int? closeCode);

    [LoggerMessage(23, LogLevel.Information, "Shard {Shard}: detached session {SessionId} at sequence {Sequence}; it can be resumed elsewhere")]
    public static partial void Detached(ILogger logger, string shard, string sessionId, long sequence);

    [LoggerMessage(24, LogLevel.Warning, "Shard {Shard}: no Hello within {TimeoutMs} ms of connecting; trying a new connection")]
    public static partial void NoHello(ILogger logger, string shard, double timeoutMs);

    [LoggerMessage(25, LogLevel.Error, "Shard {Shard}: sending Identify or Resume failed; trying a new connection")]
    public static partial void AuthenticationSendFailed(ILogger logger, string shard, Exception exception);

    [LoggerMessage(26, LogLevel.Debug, "Shard {Shard}: dropped event {Sequence}, a replay of one already received")]
    public static partial void ReplayDropped(ILogger logger, string shard, long sequence);

    [LoggerMessage(27, LogLevel.Debug, "Shard {Shard}: the gateway sent Hello again on one connection; ignored")]
    public static partial void RepeatedHello(ILogger logger, string shard);

    [LoggerMessage(28, LogLevel.Debug, "Shard {Shard}: the gateway closed the connection with {CloseCode} while it was being closed")]
    public static partial void ClosedWhileClosing(ILogger logger, string shard, int? closeCode);
}

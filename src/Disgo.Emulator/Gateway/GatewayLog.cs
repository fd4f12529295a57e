using Microsoft.Extensions.Logging;

namespace Disgo.Emulator.Gateway;

/// <summary>The gateway's log messages.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} opened on {Path}")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} ended (server close {ServerCloseCode}, client close {ClientCloseCode})")]
    public static partial void ConnectionEnded(ILogger logger, long connectionId, int? serverCloseCode, int? clientCloseCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} dropped by the network")]
    public static partial void ConnectionDropped(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Gateway connection {ConnectionId} failed; other connections are unaffected")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} could not send; aborting it")]
    public static partial void SendFailed(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Gateway connection {ConnectionId} is not reading: {Pending} payloads queued; aborting it")]
    public static partial void SlowConsumer(ILogger logger, long connectionId, int pending);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Gateway connection {ConnectionId} closed with {CloseCode}: {Reason}")]
    public static partial void ServerClose(ILogger logger, long connectionId, int closeCode, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Gateway session {SessionId} expired after its resume window")]
    public static partial void SessionExpired(ILogger logger, string sessionId);
}

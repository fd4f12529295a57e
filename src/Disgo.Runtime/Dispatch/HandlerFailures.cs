using System.ComponentModel;
using System.Text;
using Disgo.Gateway.Dispatch;
using Microsoft.Extensions.Logging;

namespace Disgo;

/// <summary>
/// How generated dispatchers isolate handlers: a handler that throws is logged with the event, shard and sequence,
/// and the event's other handlers still run.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class HandlerFailures
{
    /// <summary>
    /// Whether <paramref name="exception"/> is a handler's own failure, to be reported and survived. Cancellation while
    /// the session stops is not: it ends the delivery of the event.
    /// </summary>
    public static bool IsReportable(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>Logs that <paramref name="handler"/> threw <paramref name="exception"/> while handling <paramref name="dispatch"/>.</summary>
    public static void Report(ILogger logger, Exception exception, string handler, GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (logger.IsEnabled(LogLevel.Error))
        {
            HandlerFailed(logger, handler, Encoding.UTF8.GetString(dispatch.EventName.Span), dispatch.ShardId, dispatch.Sequence, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler {Handler} failed on {EventName} (shard {ShardId}, sequence {Sequence}); the event's other handlers still run")]
    private static partial void HandlerFailed(ILogger logger, string handler, string eventName, int shardId, long sequence, Exception exception);
}

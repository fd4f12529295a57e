using System.Net.WebSockets;

namespace Disgo.Gateway.Session;

/// <summary>
/// A barrier on the session's stream: used before a session is stopped for good while another takes over its
/// events, so that nothing Discord had already sent it is cut off on the wire.
/// </summary>
public sealed partial class GatewaySession
{
    /// <summary>
    /// Completes once everything Discord sent this session before the call has been received and queued for the
    /// dispatcher. A heartbeat goes out and the barrier is its own ACK: Discord writes a session's payloads to one
    /// connection in order, so the ACK comes after whatever was already on its way. A connection that ends first is
    /// followed by the next ready one (a resume replays what the old one missed, before its own ACKs).
    /// </summary>
    /// <exception cref="InvalidOperationException">The session stopped before the barrier was passed.</exception>
    internal async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<SessionConnection> ready;
            lock (_gate)
            {
                ready = _readyConnection.Task;
            }

            var connection = await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
            var heartbeat = connection.Heartbeat!;
            try
            {
                var beat = heartbeat.RecordBeatSent();
                await SendHeartbeatAsync(connection, cancellationToken).ConfigureAwait(false);
                if (await Task.WhenAny(heartbeat.AckedAsync(beat), connection.Ended).WaitAsync(cancellationToken).ConfigureAwait(false) != connection.Ended)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is ObjectDisposedException or WebSocketException)
            {
                // The connection is ending: its end is processed below, then the next connection takes the barrier.
            }

            await connection.Ended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

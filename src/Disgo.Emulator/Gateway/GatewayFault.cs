namespace Disgo.Emulator.Gateway;

/// <summary>
/// A misbehaviour the gateway can be told to show on demand (<see cref="GatewayHub.Inject"/>), so a client's
/// recovery paths can be tested: reconnect requests, invalid sessions, closes, zombie connections, lag and junk.
/// </summary>
public abstract record GatewayFault
{
    private GatewayFault()
    {
    }

    /// <summary>Sends op 7 Reconnect; the client should close with a non-1000/1001 code and resume.</summary>
    public sealed record Reconnect : GatewayFault;

    /// <summary>
    /// Sends op 9 Invalid Session with <c>d</c> = <paramref name="Resumable"/>. With <c>false</c> the session is
    /// dropped at once (a later resume gets op 9 <c>false</c>) and the connection is no longer authenticated.
    /// </summary>
    public sealed record InvalidSession(bool Resumable) : GatewayFault;

    /// <summary>
    /// Closes the connection with <paramref name="Code"/> (any valid WebSocket close code). Codes Discord marks as
    /// session-ending (4004, 4007, 4009, 4010-4014) drop the session; others leave it resumable.
    /// </summary>
    public sealed record Close(int Code) : GatewayFault;

    /// <summary>Stops answering heartbeats with op 11, making the connection a zombie from the client's side.</summary>
    public sealed record StopHeartbeatAcks : GatewayFault;

    /// <summary>Answers heartbeats with op 11 again.</summary>
    public sealed record ResumeHeartbeatAcks : GatewayFault;

    /// <summary>Drops the TCP connection without a close frame; the session stays resumable.</summary>
    public sealed record DropConnection : GatewayFault;

    /// <summary>
    /// Holds back every outgoing frame queued from now on by <paramref name="Delay"/> (added latency, order kept);
    /// <see cref="TimeSpan.Zero"/> turns it off. Measured on the emulator's <see cref="EmulatorOptions.TimeProvider"/>.
    /// </summary>
    public sealed record DelayFrames(TimeSpan Delay) : GatewayFault;

    /// <summary>
    /// Sends one payload that is not JSON. On a compressed connection it goes through the compression context, so it
    /// decompresses fine and then fails to parse.
    /// </summary>
    public sealed record MalformedFrame : GatewayFault;

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public sealed record RequestHeartbeat : GatewayFault;

    /// <summary>
    /// While <paramref name="Enabled"/>, WebSocket handshakes on the resume URL answer HTTP 503 instead of upgrading.
    /// It changes the endpoint, not connections: <see cref="GatewayHub.Inject"/> returns 0 for it.
    /// </summary>
    public sealed record FailResumeHandshakes(bool Enabled) : GatewayFault;
}

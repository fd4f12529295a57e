namespace Disgo.Gateway.Session;

/// <summary>Where a <see cref="GatewaySession"/> is in its life. Only <see cref="Ready"/> delivers events.</summary>
public enum GatewaySessionStatus
{
    /// <summary>Built, not started yet.</summary>
    Created = 0,

    /// <summary>Opening a connection to start a new Discord session.</summary>
    Connecting,

    /// <summary>Connected; waiting for the identify gate, or for READY after Identify.</summary>
    Identifying,

    /// <summary>READY or RESUMED arrived: events flow and commands can be sent.</summary>
    Ready,

    /// <summary>Opening a connection to resume the session, or waiting for the replay to end with RESUMED.</summary>
    Resuming,

    /// <summary>The connection ended; waiting before the next one (backoff, or the pause after Invalid Session).</summary>
    Reconnecting,

    /// <summary>A heartbeat went unacknowledged: the connection is being closed (with a resumable code) to resume.</summary>
    Zombied,

    /// <summary>Stopped for good: by <see cref="GatewaySession.StopAsync"/>, <see cref="GatewaySession.DetachAsync"/> or a fatal close.</summary>
    Stopped,
}
